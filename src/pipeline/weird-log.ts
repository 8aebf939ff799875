import type { CaptureProblem, RawPacket } from '../capture/packet.js';
import type { LogRecord } from '../store/schema/types.js';

/** Rows kept per anomaly code and input; the counts in the ingest record stay exact. */
const MAX_ROWS_PER_CODE = 1000;

/**
 * Writes samples of anomalies to the `weird` stream with where to find them
 * (file and byte offset, frame number), capped per code so a flood of broken
 * packets cannot flood the store.
 */
export class WeirdLog {
  private readonly rows = new Map<string, number>();

  constructor(private readonly out: { append(rec: LogRecord): void }) {}

  /** A packet the decoders found malformed. */
  add(ts: number, code: string, input: string, raw: RawPacket): void {
    if (!this.take(input, code)) return;
    this.out.append({ ts, uid: null, name: code, addl: `frame ${raw.frameNumber}`, source: `${input}@${raw.fileOffset}` });
  }

  /** Damage in the capture container itself. */
  addProblem(ts: number, p: CaptureProblem, input: string): void {
    if (!this.take(input, p.code)) return;
    this.out.append({ ts, uid: null, name: p.code, addl: p.message, source: `${input}@${p.offset}` });
  }

  private take(input: string, code: string): boolean {
    const key = input + '\0' + code;
    const n = this.rows.get(key) ?? 0;
    if (n >= MAX_ROWS_PER_CODE) return false;
    this.rows.set(key, n + 1);
    return true;
  }
}
