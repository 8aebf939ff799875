import { quoteIdent } from '../ddl.js';
import type { SqlWhere } from '../query/sql-where.js';
import { columnName, type LogSchema } from '../schema/types.js';

/**
 * `SELECT <schema columns> FROM <stream> [WHERE …] ORDER BY ALL`: rows sorted by
 * every column in schema order (ts, uid, … for Zeek streams), so the same
 * store always exports the same bytes.
 */
export function selectSql(schema: LogSchema, where: SqlWhere): string {
  const columns = schema.fields.map((f) => quoteIdent(columnName(f))).join(', ');
  const filter = where.sql ? ` ${where.sql}` : '';
  return `SELECT ${columns} FROM ${quoteIdent(schema.name)}${filter} ORDER BY ALL`;
}
