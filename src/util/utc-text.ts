/** Date and time in UTC for sentences: `utcDateTime(1795168865)` → `2026-11-20 10:01:05 UTC`. */
export function utcDateTime(ts: number): string {
  return `${new Date(ts * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Time of day in UTC: `utcClock(1795168865)` → `10:01:05`. */
export function utcClock(ts: number): string {
  return new Date(ts * 1000).toISOString().slice(11, 19);
}
