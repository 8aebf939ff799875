import { columnName, type FieldType, type LogSchema } from '../schema/types.js';
import { quoteId } from './escape.js';

/**
 * ClickHouse column type of each Zeek field type. Scalars are Nullable (an unset `-` value is
 * NULL, as in DuckDB); addresses stay strings so every comparison, LIKE and sort matches the
 * DuckDB store. Arrays cannot be Nullable in ClickHouse: an unset list reads back as [].
 */
const CH_TYPES: Record<FieldType, string> = {
  time: 'Nullable(Float64)', interval: 'Nullable(Float64)', double: 'Nullable(Float64)',
  string: 'Nullable(String)', addr: 'Nullable(String)', subnet: 'Nullable(String)', enum: 'Nullable(String)',
  port: 'Nullable(Int32)', count: 'Nullable(Int64)', int: 'Nullable(Int64)', bool: 'Nullable(UInt8)',
  'set[string]': 'Array(String)', 'vector[string]': 'Array(String)',
  'vector[count]': 'Array(Int64)', 'vector[interval]': 'Array(Float64)',
};

/**
 * Bookkeeping columns of every table: the insert batch a row came in (unique per batch, sortable
 * by time) and its position there. They make retried inserts checkable (is batch B stored?)
 * and give back the insertion order, which some aggregates (first sample, ties) depend on.
 */
export const BATCH_COLUMNS = [
  { name: '_batch', type: 'String' },
  { name: '_row', type: 'UInt32' },
] as const;

/** The ClickHouse type of a Zeek field type: `chType('port')` → `Nullable(Int32)`. */
export function chType(type: FieldType): string {
  return CH_TYPES[type];
}

/**
 * The MergeTree sorting key: by originator (or first address column) then time, the order of
 * the common per-host queries; a stream without either is kept in insertion order.
 */
export function sortKey(schema: LogSchema): string {
  const cols = new Set(schema.fields.map((f) => columnName(f)));
  const host = ['id_orig_h', 'src_ip', 'src', 'sender_ip'].find((c) => cols.has(c))
    ?? schema.fields.find((f) => f.type === 'addr')?.name;
  const parts: string[] = [];
  if (host) parts.push(`ifNull(${quoteId(columnName(host))}, '')`);
  if (cols.has('ts')) parts.push(`ifNull(${quoteId('ts')}, 0)`);
  parts.push('_batch', '_row');
  return `(${parts.join(', ')})`;
}

/** `CREATE TABLE IF NOT EXISTS db.stream (…) ENGINE = MergeTree ORDER BY …`, columns in schema order. */
export function createTableSql(schema: LogSchema, database: string, engine = 'MergeTree'): string {
  const columns = schema.fields.map((f) => `  ${quoteId(columnName(f))} ${chType(f.type)}`);
  for (const c of BATCH_COLUMNS) columns.push(`  ${c.name} ${c.type}`);
  return `CREATE TABLE IF NOT EXISTS ${quoteId(database)}.${quoteId(schema.name)} (\n${columns.join(',\n')}\n) ENGINE = ${engine} ORDER BY ${sortKey(schema)}`;
}

/** `ALTER TABLE … ADD COLUMN` for fields missing from an existing table (a stream that gained fields). */
export function addMissingColumnsSql(schema: LogSchema, database: string, existing: ReadonlySet<string>): string[] {
  return schema.fields
    .filter((f) => !existing.has(columnName(f)))
    .map((f) => `ALTER TABLE ${quoteId(database)}.${quoteId(schema.name)} ADD COLUMN ${quoteId(columnName(f))} ${chType(f.type)}`);
}
