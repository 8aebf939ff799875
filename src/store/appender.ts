import type { DuckDBAppender, DuckDBValue, DuckDBVector } from '@duckdb/node-api';
import { DuckDBDataChunk, DuckDBTypeId, listValue } from './duckdb-api.js';
import { duckType } from './ddl.js';
import { columnName, type FieldType, type LogRecord, type LogSchema } from './schema/types.js';

/** Rows per data chunk: DuckDB's vector size, the most one chunk can hold. */
const CHUNK_ROWS = 2048;

/** Rows buffered in the appender before they are committed to the table (bounded memory, few commits). */
export const FLUSH_EVERY_ROWS = 100_000;

/** Appends records of one stream to its table. */
export interface StreamWriter {
  /** Appends one record (synchronously); missing or null fields are stored as NULL. */
  append(rec: LogRecord): void;
  /** Makes every appended record visible to queries. */
  flush(): void;
}

type Value = NonNullable<LogRecord[string]>;
type Convert = (v: Value) => DuckDBValue;

function listOf(v: Value): readonly (string | number)[] {
  return Array.isArray(v) ? v : [v as string | number];
}
function toDouble(v: Value): number { return Number(v); }
function toVarchar(v: Value): string { return typeof v === 'string' ? v : String(v); }
function toInteger(v: Value): number { return Number(v) | 0; }
function toBoolean(v: Value): boolean { return v === true; }
function toBigInt(v: Value | string | number): bigint {
  const n = Number(v);
  return BigInt(Number.isFinite(n) ? Math.trunc(n) : 0);
}
function toVarcharList(v: Value): DuckDBValue { return listValue(listOf(v).map(String)); }
function toBigIntList(v: Value): DuckDBValue { return listValue(listOf(v).map(toBigInt)); }
function toDoubleList(v: Value): DuckDBValue { return listValue(listOf(v).map(Number)); }

const CONVERT: Record<FieldType, Convert> = {
  time: toDouble, interval: toDouble, double: toDouble,
  string: toVarchar, addr: toVarchar, subnet: toVarchar, enum: toVarchar,
  port: toInteger, count: toBigInt, int: toBigInt, bool: toBoolean,
  'set[string]': toVarcharList, 'vector[string]': toVarcharList,
  'vector[count]': toBigIntList, 'vector[interval]': toDoubleList,
};

/**
 * A writer appending records of `schema` to `appender` (whose table has the
 * schema's columns in order). Records are written column-wise into one reused
 * data chunk (far fewer native calls than value-by-value appends), the chunk
 * is handed to the appender when full, and the appender is committed every
 * `flushEvery` rows.
 */
export function createStreamWriter(appender: DuckDBAppender, schema: LogSchema, flushEvery = FLUSH_EVERY_ROWS): StreamWriter {
  const columns = schema.fields.map((f) => columnName(f));
  const converts = schema.fields.map((f) => CONVERT[f.type]);
  const chunk = DuckDBDataChunk.create(schema.fields.map((f) => duckType(f.type)), CHUNK_ROWS);
  const width = columns.length;
  const listColumns = schema.fields.flatMap((f, i) => (duckType(f.type).typeId === DuckDBTypeId.LIST ? [i] : []));
  let vectors: DuckDBVector[] = columns.map((_, i) => chunk.getColumnVector(i));
  let rows = 0;
  let pending = 0;

  function emitChunk(): void {
    if (rows === 0) return;
    // A list vector's flush reads every slot of the chunk: clear the unused ones.
    for (const i of listColumns) for (let r = rows; r < CHUNK_ROWS; r++) vectors[i].setItem(r, null);
    for (let i = 0; i < width; i++) vectors[i].flush();
    chunk.rowCount = rows;
    appender.appendDataChunk(chunk);
    chunk.rowCount = CHUNK_ROWS;
    vectors = columns.map((_, i) => chunk.getColumnVector(i));
    pending += rows;
    rows = 0;
  }
  function flush(): void {
    emitChunk();
    if (pending === 0) return;
    appender.flushSync();
    pending = 0;
  }
  function append(rec: LogRecord): void {
    for (let i = 0; i < width; i++) {
      const v = rec[columns[i]];
      const empty = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
      vectors[i].setItem(rows, empty ? null : converts[i](v));
    }
    if (++rows === CHUNK_ROWS) {
      emitChunk();
      if (pending >= flushEvery) flush();
    }
  }
  return { append, flush };
}
