import { randomBytes } from 'node:crypto';
import type { SqlParams, Store, StreamWriter } from '../duckdb.js';
import type { Row } from '../plain-row.js';
import { columnName, type LogSchema } from '../schema/types.js';
import { BatchQueue } from './batches.js';
import { ClickHouseClient, ClickHouseError, type RetryPolicy, type Transport } from './client.js';
import { addMissingColumnsSql, createTableSql } from './ddl.js';
import { bindParams, quoteId, sqlLiteral, type Bindable } from './escape.js';
import { inlineWith, planQuery, type QueryPlan } from './inline-with.js';
import { parseRowShape, shapeRow } from './row-shape.js';
import { describeTarget, type ClickHouseTarget } from './url.js';
import { createClickHouseWriter } from './writer.js';

/** Rows per chunk yielded by `stream()`. */
const STREAM_CHUNK = 2048;

/**
 * Settings of every query: outer joins give NULL for a missing row, as in DuckDB; grouping and
 * sorting spill to disk past 1 GB instead of failing at the server's memory limit (analytics over
 * tens of millions of rows).
 */
const QUERY_SETTINGS = { join_use_nulls: 1, max_bytes_before_external_group_by: 1_000_000_000, max_bytes_before_external_sort: 1_000_000_000 };

/** Options of a ClickHouse store (tests inject a failing transport and a quick retry policy). */
export interface ClickHouseStoreOptions {
  transport?: Transport;
  retry?: RetryPolicy;
}

/**
 * A Tracer store in a ClickHouse database, over its HTTP interface: one MergeTree table per
 * stream, generated from the same schema files as the DuckDB store. Writes are batched and
 * retried (see BatchQueue); every query first waits for the writes queued before it.
 * Queries are ClickHouse SQL; `?`/`$name` placeholders are bound on the client, `WITH name AS
 * (subquery)` lists and the views of `defineView` are inlined and `MATERIALIZED` ones computed
 * into temporary tables (see planQuery), and comment directives shape the rows as DuckDB's
 * (see parseRowShape).
 */
export class ClickHouseStore implements Store {
  readonly path: string;
  readonly client: ClickHouseClient;
  private readonly queue: BatchQueue;
  private readonly writers: StreamWriter[] = [];
  private readonly ensured = new Set<string>();
  private readonly views: Record<string, string> = {};

  constructor(readonly target: ClickHouseTarget, opts: ClickHouseStoreOptions = {}) {
    this.path = describeTarget(target);
    this.client = new ClickHouseClient(target, opts.transport);
    this.queue = new BatchQueue(this.client, target.database, opts.retry);
  }

  /** Creates the database when missing. */
  async init(): Promise<void> {
    await this.client.retrying(() => this.client.text(`CREATE DATABASE IF NOT EXISTS ${quoteId(this.target.database)}`));
  }

  /** True when the database exists on the server. */
  async exists(): Promise<boolean> {
    const n = await this.client.retrying(() => this.client.text(`SELECT count() FROM system.databases WHERE name = ${sqlLiteral(this.target.database)}`));
    return Number(n) > 0;
  }

  async ensure(schema: LogSchema): Promise<void> {
    await this.client.retrying(() => this.client.text(createTableSql(schema, this.target.database, 'ReplacingMergeTree')));
    const existing = await this.all('SELECT name FROM system.columns WHERE database = currentDatabase() AND table = ?', [schema.name]);
    for (const sql of addMissingColumnsSql(schema, this.target.database, new Set(existing.map((r) => String(r.name))))) await this.client.text(sql);
    this.ensured.add(schema.name);
  }

  writer(schema: LogSchema): StreamWriter {
    if (!this.ensured.has(schema.name)) throw new Error(`store.writer("${schema.name}") called before store.ensure()`);
    const writer = createClickHouseWriter(schema, this.queue);
    this.writers.push(writer);
    return writer;
  }

  async all(sql: string, params?: SqlParams): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const chunk of this.stream(sql, params)) rows.push(...chunk);
    return rows;
  }

  async *stream(sql: string, params?: SqlParams): AsyncIterable<Row[]> {
    await this.queue.drain();
    const shape = parseRowShape(sql);
    const plan = this.prepare(sql, params);
    const settings = await this.materialize(plan);
    try {
      let chunk: Row[] = [];
      for await (const line of this.client.lines(`${plan.sql}\nFORMAT JSONEachRow`, settings)) {
        if (line === '') continue;
        if (!line.startsWith('{')) throw new ClickHouseError(line.slice(0, 500), null, false);
        const row = JSON.parse(line) as Row;
        chunk.push(shape ? shapeRow(row, shape) : row);
        if (chunk.length === STREAM_CHUNK) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
    } finally {
      await this.release(plan, settings);
    }
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.queue.drain();
    const plan = this.prepare(sql, params);
    const settings = await this.materialize(plan);
    try {
      await this.client.text(plan.sql, undefined, settings);
    } finally {
      await this.release(plan, settings);
    }
  }

  /**
   * Names a subquery that later queries on this store object may read `FROM name` (inlined on
   * the client: nothing is created on the server), like a DuckDB temporary view.
   */
  defineView(name: string, sql: string): void {
    this.views[name] = inlineWith(stripTail(sql), this.views);
  }

  /** The query with views and WITH subqueries inlined and the values bound (in each temporary table's query too). */
  private prepare(sql: string, params?: SqlParams): QueryPlan {
    const plan = planQuery(stripTail(sql), this.views);
    if (plan.materialize.length > 0 && Array.isArray(params)) throw new Error('MATERIALIZED subqueries take named ($name) parameters only');
    const bind = (text: string): string => bindParams(text, params as Bindable[] | Record<string, Bindable>);
    return { materialize: plan.materialize.map((m) => ({ table: m.table, sql: bind(m.sql) })), sql: bind(plan.sql) };
  }

  /**
   * Fills the plan's temporary tables (Memory engine) in a session of its own and returns the
   * settings that run the query in that session; without any, the plain query settings.
   */
  private async materialize(plan: QueryPlan): Promise<Record<string, string | number>> {
    const settings = { database: this.target.database, ...QUERY_SETTINGS };
    if (plan.materialize.length === 0) return settings;
    const session = { ...settings, session_id: `tracer-${randomBytes(12).toString('hex')}` };
    // CREATE … AS SELECT reads the session's current database, not the `database` setting.
    await this.client.text(`USE ${quoteId(this.target.database)}`, undefined, session);
    for (const m of plan.materialize) await this.client.text(`CREATE TEMPORARY TABLE ${m.table} ENGINE = Memory AS ${m.sql}`, undefined, session);
    return session;
  }

  /** Drops the plan's temporary tables (the server drops them anyway when the session expires). */
  private async release(plan: QueryPlan, settings: Record<string, string | number>): Promise<void> {
    for (const m of plan.materialize) await this.client.text(`DROP TEMPORARY TABLE IF EXISTS ${m.table}`, undefined, settings).catch(() => undefined);
  }

  async tables(): Promise<string[]> {
    const rows = await this.all('SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name');
    return rows.map((r) => String(r.name));
  }

  /**
   * Makes sure no row is stored twice before analytics read the tables directly: a batch holding
   * more rows than its highest `_row` + 1 was inserted twice (a retry whose first attempt landed
   * unseen), and `OPTIMIZE … FINAL` merges such a table's copies away now instead of some time later
   * (ReplacingMergeTree: the copies share the sorting key). Returns the tables merged.
   */
  async deduplicate(): Promise<string[]> {
    const merged: string[] = [];
    const tables = await this.all("SELECT table FROM system.columns WHERE database = currentDatabase() AND name = '_batch' ORDER BY table");
    for (const { table } of tables as { table: string }[]) {
      const [doubled] = await this.all(`SELECT count() AS n FROM (SELECT _batch FROM ${quoteId(table)} GROUP BY _batch HAVING count() > max(_row) + 1)`);
      if (Number(doubled.n) === 0) continue;
      await this.run(`OPTIMIZE TABLE ${quoteId(table)} FINAL`);
      merged.push(table);
    }
    return merged;
  }

  /** Removes every row of a stream's table (ClickHouse has no DELETE statement). */
  async truncate(schema: LogSchema): Promise<void> {
    await this.run(`TRUNCATE TABLE ${quoteId(schema.name)}`);
  }

  /** The columns of `schema`, quoted, for a SELECT of exactly the stream's fields. */
  columnList(schema: LogSchema): string {
    return schema.fields.map((f) => quoteId(columnName(f))).join(', ');
  }

  async close(): Promise<void> {
    for (const writer of this.writers) writer.flush();
    this.writers.length = 0;
    await this.queue.drain();
  }
}

function stripTail(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}
