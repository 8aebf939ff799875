import type { DuckDBType } from '@duckdb/node-api';
import { BIGINT, BOOLEAN, DOUBLE, INTEGER, LIST, VARCHAR } from './duckdb-api.js';
import { columnName, type FieldType, type LogSchema } from './schema/types.js';

/** DuckDB column type of each Zeek field type. */
const DUCK_TYPES: Record<FieldType, DuckDBType> = {
  time: DOUBLE,
  interval: DOUBLE,
  double: DOUBLE,
  string: VARCHAR,
  addr: VARCHAR,
  subnet: VARCHAR,
  enum: VARCHAR,
  port: INTEGER,
  count: BIGINT,
  int: BIGINT,
  bool: BOOLEAN,
  'set[string]': LIST(VARCHAR),
  'vector[string]': LIST(VARCHAR),
  'vector[count]': LIST(BIGINT),
  'vector[interval]': LIST(DOUBLE),
};

/** The DuckDB type object of a Zeek field type (for data chunks). */
export function duckType(type: FieldType): DuckDBType {
  return DUCK_TYPES[type];
}

/** The DuckDB type name of a Zeek field type, e.g. `sqlType('port')` → `INTEGER`. */
export function sqlType(type: FieldType): string {
  return DUCK_TYPES[type].toString();
}

/** Quotes an SQL identifier: `quoteIdent('id_orig_h')` → `"id_orig_h"`. */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** `CREATE TABLE IF NOT EXISTS` for a stream, one column per field, in schema order. */
export function createTableSql(schema: LogSchema): string {
  const columns = schema.fields.map((f) => `  ${quoteIdent(columnName(f))} ${sqlType(f.type)}`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(schema.name)} (\n${columns.join(',\n')}\n)`;
}

/**
 * `ALTER TABLE … ADD COLUMN` for the fields of `schema` missing from an existing
 * table (a stream that gained fields since the store was created).
 */
export function addMissingColumnsSql(schema: LogSchema, existing: ReadonlySet<string>): string[] {
  return schema.fields
    .filter((f) => !existing.has(columnName(f)))
    .map((f) => `ALTER TABLE ${quoteIdent(schema.name)} ADD COLUMN ${quoteIdent(columnName(f))} ${sqlType(f.type)}`);
}
