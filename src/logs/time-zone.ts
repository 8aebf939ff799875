/** Converts a wall-clock time read in some zone (as if it were UTC, in ms) to the true UTC time in ms. */
export type ZoneToUtc = (localMs: number) => number;

const FIXED_OFFSET = /^([+-])(\d\d):?(\d\d)$/;
const MS_PER_HOUR = 3_600_000;

function fixedOffset(sign: string, hours: string, minutes: string): ZoneToUtc {
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
  return (localMs) => localMs - offsetMs;
}

/** Offset of `zone` at UTC instant `utcMs`, in ms, from Intl (the zone's wall clock read as UTC, minus the instant). */
function intlOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function ianaZone(zone: string): ZoneToUtc {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  /** Offsets by local hour: logs are in time order, so a handful of Intl calls serve a whole file. */
  const byHour = new Map<number, number>();
  return (localMs) => {
    const hour = Math.floor(localMs / MS_PER_HOUR);
    let offset = byHour.get(hour);
    if (offset === undefined) {
      const first = intlOffset(format, localMs);
      offset = intlOffset(format, localMs - first);
      byHour.set(hour, offset);
    }
    return localMs - offset;
  };
}

/**
 * The converter for `zone`: `UTC`/`Z`, a fixed offset (`+02:00`, `-0500`) or
 * an IANA name (`Europe/Berlin`, daylight saving applied). An unknown zone is
 * a RangeError naming it.
 */
export function zoneToUtc(zone: string): ZoneToUtc {
  if (zone === 'UTC' || zone === 'Z') return (localMs) => localMs;
  const fixed = FIXED_OFFSET.exec(zone);
  if (fixed) return fixedOffset(fixed[1], fixed[2], fixed[3]);
  try {
    return ianaZone(zone);
  } catch {
    throw new RangeError(`unknown time zone ${JSON.stringify(zone)}: expected UTC, +HH:MM or an IANA name such as Europe/Berlin`);
  }
}
