import type { DuckDBValue } from '@duckdb/node-api';

/** A WHERE clause with its bound values; `sql` is '' when nothing is filtered. */
export interface SqlWhere {
  sql: string;
  params: DuckDBValue[];
}

/** Matches every row. */
export const NO_FILTER: SqlWhere = { sql: '', params: [] };

/** Joins conditions with AND into a WHERE clause. */
export function whereOf(conditions: readonly string[], params: DuckDBValue[]): SqlWhere {
  return conditions.length === 0 ? NO_FILTER : { sql: 'WHERE ' + conditions.map((c) => `(${c})`).join(' AND '), params };
}
