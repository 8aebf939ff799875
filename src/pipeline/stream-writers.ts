import type { Store, StreamWriter } from '../store/duckdb.js';
import { schemaByName } from '../store/schema/index.js';
import type { LogRecord } from '../store/schema/types.js';

/** One lazily opened store writer per log stream, with record counts. */
export class StreamWriters {
  private readonly writers = new Map<string, { writer: StreamWriter; count: number }>();

  constructor(private readonly store: Store) {}

  /** The writer of `stream`; throws for a stream no schema describes (a programming error). */
  get(stream: string): { append(rec: LogRecord): void } {
    let entry = this.writers.get(stream);
    if (!entry) {
      const schema = schemaByName(stream);
      if (!schema) throw new Error(`no schema for log stream "${stream}"`);
      entry = { writer: this.store.writer(schema), count: 0 };
      this.writers.set(stream, entry);
    }
    const e = entry;
    return { append: (rec) => { e.writer.append(rec); e.count++; } };
  }

  /** Records appended to `stream` so far. */
  count(stream: string): number {
    return this.writers.get(stream)?.count ?? 0;
  }

  /** Records per stream. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.writers].map(([k, v]) => [k, v.count]));
  }

  /** Flushes every writer to the store. */
  flush(): void {
    for (const { writer } of this.writers.values()) writer.flush();
  }
}
