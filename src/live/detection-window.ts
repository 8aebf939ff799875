import { StreamWriters } from '../pipeline/stream-writers.js';
import { openStore, type Store } from '../store/duckdb.js';
import { allSchemas } from '../store/schema/index.js';
import { alertsSchema } from '../store/schema/alerts.js';
import type { LogRecord, LogSchema } from '../store/schema/types.js';

/** Seconds of records (by their end time) the live detectors look at: the port-scan and flood windows fit in it many times over. */
export const DETECT_WINDOW_SECONDS = 900;
/** Records the window holds at most; past it, new records are left out of live detection (counted) until old ones age out. */
export const MAX_WINDOW_ROWS = 500_000;
/** DuckDB memory for the window (its rows are a few hundred bytes each). */
const WINDOW_MEMORY = '1GB';

/** The statement removing a stream's records that ended before `$cutoff`: by `ts` (+ `duration`) or `last_seen`; null for untimed tables (alerts, ingests), which the live pipeline never appends to. */
function trimSql(schema: LogSchema): string | null {
  if (schema === alertsSchema) return null; // rewritten by every detection run
  const names = new Set(schema.fields.map((f) => f.name));
  const end = names.has('ts') ? (names.has('duration') ? 'ts + coalesce(duration, 0)' : 'ts') : names.has('last_seen') ? 'last_seen' : null;
  return end === null ? null : `DELETE FROM "${schema.name}" WHERE ${end} < $cutoff`;
}

/**
 * The recent past of a live capture in an in-memory DuckDB store, for the
 * detectors to run over every few seconds at a cost that does not grow with
 * the capture: every log record is appended here as well as to the capture's
 * own store, and `trim` drops what ended more than DETECT_WINDOW_SECONDS ago.
 * Bounded: at most MAX_WINDOW_ROWS records; the rest are counted in `dropped`.
 * @example
 * const win = await DetectionWindow.open();
 * win.append('conn', record);
 * await win.trim(Date.now() / 1000); const alerts = await detect(win.store);
 */
export class DetectionWindow {
  /** Records left out of live detection because the window was full. */
  dropped = 0;
  private rows = 0;
  private readonly writers: StreamWriters;
  private readonly trims: { table: string; sql: string }[];

  private constructor(readonly store: Store, private readonly maxRows: number) {
    this.writers = new StreamWriters(store);
    this.trims = allSchemas.flatMap((s) => {
      const sql = trimSql(s);
      return sql ? [{ table: s.name, sql }] : [];
    });
  }

  /** A new, empty window with every stream's table, holding at most `maxRows` records. */
  static async open(maxRows = MAX_WINDOW_ROWS): Promise<DetectionWindow> {
    const store = await openStore(':memory:');
    await store.run(`SET memory_limit = '${WINDOW_MEMORY}'`);
    for (const schema of allSchemas) await store.ensure(schema);
    return new DetectionWindow(store, maxRows);
  }

  /** Adds one record of `stream` (not visible to queries until the next `trim`). */
  append(stream: string, rec: LogRecord): void {
    if (this.rows >= this.maxRows) {
      this.dropped++;
      return;
    }
    this.rows++;
    this.writers.get(stream).append(rec);
  }

  /** Commits the appended records and removes those that ended before `now - DETECT_WINDOW_SECONDS`. */
  async trim(now: number): Promise<void> {
    this.writers.flush();
    let rows = 0;
    for (const { table, sql } of this.trims) {
      await this.store.run(sql, { cutoff: now - DETECT_WINDOW_SECONDS });
      const [{ n }] = await this.store.all(`SELECT count(*) AS n FROM "${table}"`);
      rows += Number(n);
    }
    this.rows = rows;
  }

  /** Records in the window (as of the last trim, plus those appended since). */
  size(): number {
    return this.rows;
  }

  /** Frees the window. */
  close(): Promise<void> {
    return this.store.close();
  }
}
