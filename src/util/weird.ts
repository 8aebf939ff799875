/**
 * Named anomalies ("weirds", as Zeek calls them). Decoders never throw on
 * attacker-controlled bytes; they report a stable snake_case code instead and
 * the pipeline counts it here and may log a sample to the `weird` stream.
 */
export interface WeirdRecord {
  ts: number;
  name: string;
  /** Connection uid when the anomaly belongs to a connection, else ''. */
  uid: string;
  /** Extra detail (offset, lengths), never raw attacker bytes unescaped. */
  addl: string;
  /** Input file and byte offset, for the analyst to find the frame. */
  source: string;
}

/** Counts anomalies by code without allocating per occurrence. */
export class WeirdCounter {
  readonly counts = new Map<string, number>();

  /** Adds one occurrence of `name`. */
  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Total of all anomalies seen. */
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** Plain object, sorted by code, for JSON and the ingest record. */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
