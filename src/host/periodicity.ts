/** Births remembered per program and destination: enough to judge a regular period. */
const HISTORY = 8;
/** Births needed before calling a series periodic (3 equal gaps). */
const MIN_BIRTHS = 4;
/** Programs × destinations remembered; past this the oldest are forgotten (bounded memory). */
const MAX_SERIES = 65_536;
/** Largest spread of the gaps (standard deviation / mean) still called regular. */
const MAX_JITTER = 0.2;

/**
 * Detects beacon-like timing: a program (by executable and ancestry) opening
 * new connections to the same masked destination at a regular period.
 */
export class PeriodTracker {
  private readonly births = new Map<string, number[]>();

  /**
   * Records a birth at `ts` for `key` and returns the period in seconds when
   * the recent births are regular, else 0.
   * @example tracker.observe(`${exe}|${ancestryId}|${remoteMask}:${port}`, ts)
   */
  observe(key: string, ts: number): number {
    let times = this.births.get(key);
    if (!times) {
      if (this.births.size >= MAX_SERIES) this.births.delete(this.births.keys().next().value as string);
      this.births.set(key, (times = []));
    }
    times.push(ts);
    if (times.length > HISTORY) times.shift();
    return regularPeriod(times);
  }
}

/**
 * Mean gap of `times` when there are at least MIN_BIRTHS and the gaps vary by
 * at most MAX_JITTER of their mean; else 0.
 * @example regularPeriod([0, 60, 120, 181]) // ≈ 60.3
 */
export function regularPeriod(times: readonly number[]): number {
  if (times.length < MIN_BIRTHS) return 0;
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (mean <= 0) return 0;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
  return sd / mean <= MAX_JITTER ? mean : 0;
}
