import type { StreamWriter } from '../appender.js';
import { columnName, type FieldType, type LogRecord, type LogSchema } from '../schema/types.js';
import type { BatchQueue } from './batches.js';

/** Rows per insert batch: large enough for few parts, far below ClickHouse's 1,048,576-row block (one block inserts atomically). */
export const BATCH_ROWS = 50_000;
/** Bytes of JSON per insert batch, whichever limit comes first. */
export const BATCH_BYTES = 16 << 20;

type Value = NonNullable<LogRecord[string]>;
type Convert = (v: Value) => unknown;

function listOf(v: Value): readonly (string | number)[] {
  return Array.isArray(v) ? v : [v as string | number];
}
function toInt64(v: Value | string | number): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** The same conversions the DuckDB appender applies, so both stores hold the same values. */
const CONVERT: Record<FieldType, Convert> = {
  time: Number, interval: Number, double: Number,
  string: String, addr: String, subnet: String, enum: String,
  port: (v) => Number(v) | 0, count: toInt64, int: toInt64, bool: (v) => (v === true ? 1 : 0),
  'set[string]': (v) => listOf(v).map(String), 'vector[string]': (v) => listOf(v).map(String),
  'vector[count]': (v) => listOf(v).map(toInt64), 'vector[interval]': (v) => listOf(v).map(Number),
};

/** Empty lists for the array columns (ClickHouse arrays are never NULL). */
function emptyValue(type: FieldType): unknown {
  return type.startsWith('set[') || type.startsWith('vector[') ? [] : null;
}

/**
 * A writer of one stream into ClickHouse: records become JSONEachRow lines (JSON escaping of
 * every string is done here, on the client) and are queued as batches of BATCH_ROWS rows.
 */
export function createClickHouseWriter(schema: LogSchema, queue: BatchQueue): StreamWriter {
  const columns = schema.fields.map((f) => columnName(f));
  const converts = schema.fields.map((f) => CONVERT[f.type]);
  const empties = schema.fields.map((f) => emptyValue(f.type));
  let lines: string[] = [];
  let bytes = 0;
  let batch = '';

  function flush(): void {
    if (lines.length === 0) return;
    queue.push({ table: schema.name, id: batch, lines });
    lines = [];
    bytes = 0;
  }
  function append(rec: LogRecord): void {
    if (lines.length === 0) batch = queue.nextId();
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const v = rec[columns[i]];
      const empty = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
      row[columns[i]] = empty ? empties[i] : converts[i](v);
    }
    row._batch = batch;
    row._row = lines.length;
    const line = JSON.stringify(row);
    lines.push(line);
    bytes += line.length;
    if (lines.length >= BATCH_ROWS || bytes >= BATCH_BYTES) flush();
  }
  return { append, flush };
}
