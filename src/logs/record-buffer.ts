import type { Store, StreamWriter } from '../store/duckdb.js';
import type { LogRecord, LogSchema } from '../store/schema/types.js';
import type { RecordSink } from './parser.js';

/**
 * The sink between parsers (synchronous, per line) and the store (whose
 * tables are created asynchronously on first use): a record goes straight to
 * its stream's writer, or, the first time a stream is seen, waits until
 * `drain()` has created the table. Counts records per stream and tracks the
 * first and last `ts`.
 */
export class RecordBuffer implements RecordSink {
  /** Stream → records written. */
  readonly counts: Record<string, number> = {};
  firstTs: number | null = null;
  lastTs: number | null = null;
  private readonly writers = new Map<string, StreamWriter>();
  private readonly waiting: Array<[LogSchema, LogRecord]> = [];

  constructor(private readonly store: Store) {}

  emit(schema: LogSchema, rec: LogRecord): void {
    const writer = this.waiting.length === 0 ? this.writers.get(schema.name) : undefined;
    if (writer) this.append(schema, writer, rec);
    else this.waiting.push([schema, rec]);
    const ts = rec.ts;
    if (typeof ts !== 'number' || !Number.isFinite(ts)) return;
    if (this.firstTs === null || ts < this.firstTs) this.firstTs = ts;
    if (this.lastTs === null || ts > this.lastTs) this.lastTs = ts;
  }

  /** True when records wait for drain(). */
  pending(): boolean {
    return this.waiting.length > 0;
  }

  /** Writes the waiting records, creating their tables first when needed. */
  async drain(): Promise<void> {
    for (const [schema, rec] of this.waiting) {
      let writer = this.writers.get(schema.name);
      if (!writer) {
        await this.store.ensure(schema);
        writer = this.store.writer(schema);
        this.writers.set(schema.name, writer);
      }
      this.append(schema, writer, rec);
    }
    this.waiting.length = 0;
  }

  private append(schema: LogSchema, writer: StreamWriter, rec: LogRecord): void {
    writer.append(rec);
    this.counts[schema.name] = (this.counts[schema.name] ?? 0) + 1;
  }

  /** Makes every written record visible to queries. */
  flush(): void {
    for (const writer of this.writers.values()) writer.flush();
  }
}
