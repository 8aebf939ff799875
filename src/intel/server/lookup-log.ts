import type { Writable } from 'node:stream';

/** Log bytes queued before further entries are dropped and counted (a stalled log disk must not exhaust memory). */
const MAX_QUEUED_LOG_BYTES = 16 * 1024 * 1024;

/**
 * Structured log of the intel server: one JSON object per line for every
 * lookup (connection, peer, event number, indicators, matches, microseconds)
 * and every problem (rejected line, timeout, enricher failure). Values from
 * traffic go through JSON escaping, so control characters cannot reach a
 * terminal raw. Entries are batched per tick.
 */
export class LookupLog {
  private batch = '';
  private scheduled = false;
  private stampMs = 0;
  private stampText = '';
  dropped = 0;

  /** `stream` null disables logging. */
  constructor(private readonly stream: Writable | null) {}

  /** Logs one answered event. */
  lookup(conn: number, peer: string, event: number, indicators: ReadonlyArray<{ field: string; value: string }>, matched: readonly string[], micros: number): void {
    if (!this.stream) return;
    let list = '';
    for (const indicator of indicators) list += (list ? ',' : '') + JSON.stringify(`${indicator.field}=${indicator.value}`);
    const matches = matched.length ? JSON.stringify(matched) : '[]';
    this.write(`{"ts":"${this.timestamp()}","type":"lookup","conn":${conn},"peer":${JSON.stringify(peer)},"event":${event},"indicators":[${list}],"matches":${matches},"us":${micros}}\n`);
  }

  /** ISO-8601 time of now, formatted once per millisecond. */
  private timestamp(): string {
    const now = Date.now();
    if (now !== this.stampMs) {
      this.stampMs = now;
      this.stampText = new Date(now).toISOString();
    }
    return this.stampText;
  }

  /** Logs a problem with a stable snake_case code and details. */
  problem(code: string, details: Record<string, string | number>): void {
    if (!this.stream) return;
    this.write(`${JSON.stringify({ ts: this.timestamp(), type: 'problem', code, ...details })}\n`);
  }

  private write(entry: string): void {
    if (this.stream!.writableLength + this.batch.length > MAX_QUEUED_LOG_BYTES) { this.dropped++; return; }
    this.batch += entry;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const text = this.batch;
      this.batch = '';
      this.stream!.write(text);
    });
  }
}
