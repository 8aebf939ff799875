/** Most records one observed value can match; more are dropped (a feed full of duplicates cannot flood an answer). */
export const MAX_MATCHES_PER_VALUE = 256;

/**
 * Caller-owned, reused list of matching record numbers for one observed
 * value: lookups fill it without allocating. `at` (epoch seconds) decides
 * which records are currently valid.
 */
export class RecordSink {
  readonly ids = new Uint32Array(MAX_MATCHES_PER_VALUE);
  count = 0;
  /** Evaluation time, epoch seconds. */
  at = 0;

  /** Empties the sink for the next value, evaluated at time `at`. */
  reset(at: number): void {
    this.count = 0;
    this.at = at;
  }

  /** Adds a record unless it is already there or the sink is full. */
  push(record: number): void {
    for (let i = 0; i < this.count; i++) if (this.ids[i] === record) return;
    if (this.count < MAX_MATCHES_PER_VALUE) this.ids[this.count++] = record;
  }
}
