import type { DuckDBAppender, DuckDBConnection, DuckDBInstance as Instance, DuckDBValue } from '@duckdb/node-api';
import { DuckDBInstance } from './duckdb-api.js';
import { existsSync } from 'node:fs';
import { InputError } from '../cli/command.js';
import { escapeTerminal } from '../util/escape.js';
import { createStreamWriter, type StreamWriter } from './appender.js';
import { addMissingColumnsSql, createTableSql } from './ddl.js';
import { plainRow, type Row } from './plain-row.js';
import { registerInNet } from './query/net-function.js';
import { columnName, type LogSchema } from './schema/types.js';

export type { StreamWriter } from './appender.js';
export type { Row } from './plain-row.js';
export { recordIngest, type IngestInfo } from './ingest-record.js';

/** Values bound to `?` (positional) or `$name` (named) placeholders. */
export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** The store file used when no --db is given. */
export const DEFAULT_DB_PATH = './tracer.duckdb';

/** A Tracer store: one DuckDB table per log stream. */
export interface Store {
  readonly path: string;
  /** Creates the stream's table (or adds its new columns) and prepares its appender. */
  ensure(schema: LogSchema): Promise<void>;
  /** A synchronous, batched writer for a stream; `ensure(schema)` must have run. */
  writer(schema: LogSchema): StreamWriter;
  /** Runs a query and returns its rows as plain objects. */
  all(sql: string, params?: SqlParams): Promise<Row[]>;
  /** Runs a query and yields its rows chunk by chunk (bounded memory for exports). */
  stream(sql: string, params?: SqlParams): AsyncIterable<Row[]>;
  /** Runs a statement. */
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Names of the tables present. */
  tables(): Promise<string[]>;
  /** Flushes every writer and appender and closes the database. */
  close(): Promise<void>;
}

class DuckDBStore implements Store {
  private readonly appenders = new Map<string, DuckDBAppender>();
  private readonly writers: StreamWriter[] = [];
  /**
   * Columns of every table, read once for a run of ensure() calls (one query instead of
   * one per stream); any other statement may change tables, so it drops the snapshot.
   */
  private columns: Map<string, Set<string>> | null = null;

  constructor(readonly path: string, private readonly instance: Instance, private readonly db: DuckDBConnection) {}

  async ensure(schema: LogSchema): Promise<void> {
    // A local reference: a statement run meanwhile (a dashboard query) may drop the snapshot.
    const columns = this.columns ?? await this.readColumns();
    this.columns = columns;
    const existing = columns.get(schema.name);
    if (existing === undefined) await this.db.run(createTableSql(schema));
    else for (const sql of addMissingColumnsSql(schema, existing)) await this.db.run(sql);
    columns.set(schema.name, new Set(schema.fields.map(columnName)));
    if (!this.appenders.has(schema.name)) this.appenders.set(schema.name, await this.db.createAppender(schema.name));
  }

  writer(schema: LogSchema): StreamWriter {
    const appender = this.appenders.get(schema.name);
    if (!appender) throw new Error(`store.writer("${schema.name}") called before store.ensure()`);
    const writer = createStreamWriter(appender, schema);
    this.writers.push(writer);
    return writer;
  }

  private async readColumns(): Promise<Map<string, Set<string>>> {
    const reader = await this.db.runAndReadAll("SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database()");
    const columns = new Map<string, Set<string>>();
    for (const [table, column] of reader.getRowsJS()) {
      const names = columns.get(String(table)) ?? new Set<string>();
      columns.set(String(table), names.add(String(column)));
    }
    return columns;
  }

  async all(sql: string, params?: SqlParams): Promise<Row[]> {
    this.columns = null;
    const reader = await this.db.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map(plainRow);
  }

  async *stream(sql: string, params?: SqlParams): AsyncIterable<Row[]> {
    this.columns = null;
    const result = await this.db.stream(sql, params);
    for await (const rows of result.yieldRowObjectJs()) yield rows.map(plainRow);
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    this.columns = null;
    await this.db.run(sql, params);
  }

  async tables(): Promise<string[]> {
    const rows = await this.all("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1");
    return rows.map((r) => String(r.table_name));
  }

  async close(): Promise<void> {
    for (const writer of this.writers) writer.flush();
    this.writers.length = 0;
    for (const appender of this.appenders.values()) appender.closeSync();
    this.appenders.clear();
    this.db.closeSync();
    this.instance.closeSync();
  }
}

/**
 * Opens (creating if needed) the store at `path` (`:memory:` for a throw-away one).
 * An unreadable or non-DuckDB file is an InputError naming the path.
 */
export async function openStore(path: string = DEFAULT_DB_PATH): Promise<Store> {
  let instance: Instance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new InputError(`${escapeTerminal(path)}: cannot open store: ${escapeTerminal(reason)}`);
  }
  const connection = await instance.connect();
  registerInNet(connection);
  return new DuckDBStore(path, instance, connection);
}

/** Opens a store that must already exist (for queries and exports); a missing file is an InputError. */
export async function openExistingStore(path: string): Promise<Store> {
  if (path !== ':memory:' && !existsSync(path)) throw new InputError(`${escapeTerminal(path)}: no such store; run "tracer ingest --db ${escapeTerminal(path)} <captures>" first`);
  return openStore(path);
}
