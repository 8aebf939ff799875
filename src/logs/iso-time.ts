/** ISO 8601 / RFC 3339 date-time with optional fraction and zone (Z, +HH:MM, +HHMM). */
const ISO_TIME = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)?$/;

/**
 * Epoch seconds (microsecond precision, beyond what Date keeps) of an ISO 8601
 * time such as `2017-01-30T16:12:26.985026+0100`; a time without zone is UTC.
 * Null when the text is not such a time or names an impossible date.
 */
export function parseIsoTime(text: string): number | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  let offsetMin = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMin = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const micros = fraction ? Math.round(Number((fraction + '000000').slice(0, 6))) : 0;
  return Math.round((ms / 1000 - offsetMin * 60) * 1e6 + micros) / 1e6;
}
