/** How to find the year of RFC 3164 syslog lines, which carry none. */
export interface YearOptions {
  /** Year of the first line; later lines move to the next year when the month wraps (Dec → Jan). */
  year?: number;
  /** A time after every line (the file's mtime), epoch ms: each line takes the latest year that keeps it at or before this. */
  referenceMs?: number;
}

/** Months a month number may go back before it counts as a new year rather than a line out of order. */
const WRAP_MONTHS = 6;
/** Slack for a reference that is slightly earlier than the lines (zones, clock skew): one day. */
const REFERENCE_SLACK_MS = 86_400_000;

/** Assigns years to month/day pairs of successive syslog lines. */
export class YearInference {
  private year: number;
  private lastMonth = -1;

  constructor(private readonly opts: YearOptions) {
    this.year = opts.year ?? new Date(opts.referenceMs ?? 0).getUTCFullYear();
  }

  /** The year of a line dated `month` (0–11) `day` at `secondOfDay`. */
  yearOf(month: number, day: number, secondOfDay: number): number {
    if (this.opts.year === undefined && this.opts.referenceMs !== undefined) {
      const ref = this.opts.referenceMs;
      const refYear = new Date(ref).getUTCFullYear();
      const at = Date.UTC(refYear, month, day) + secondOfDay * 1000;
      return at > ref + REFERENCE_SLACK_MS ? refYear - 1 : refYear;
    }
    if (this.lastMonth >= 0 && month < this.lastMonth - WRAP_MONTHS) this.year++;
    this.lastMonth = month;
    return this.year;
  }
}
