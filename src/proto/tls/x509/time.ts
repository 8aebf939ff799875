const UTC_TIME = 0x17, GENERALIZED_TIME = 0x18;

/**
 * Seconds since the epoch of an X.509 validity time: UTCTime `YYMMDDHHMMSSZ`
 * (years 50–99 are 19xx, RFC 5280 §4.1.2.5.1) or GeneralizedTime
 * `YYYYMMDDHHMMSSZ`. Null when malformed.
 */
export function certificateTime(b: Uint8Array, tag: number, start: number, end: number): number | null {
  const text = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');
  const m = tag === UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
    : tag === GENERALIZED_TIME ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  if (!m) return null;
  let year = Number(m[1]);
  if (tag === UTC_TIME) year += year < 50 ? 2000 : 1900;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
}
