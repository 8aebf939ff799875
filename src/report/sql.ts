import { dialectOf, type Dialect } from '../store/dialect.js';
import type { Row, SqlParams, Store } from '../store/duckdb.js';
import { dialectSql } from '../store/sql-file.js';

/** The text of `sql/<name>.sql` beside this module, or of its ClickHouse version `sql/clickhouse/<name>.sql`. */
export function reportSql(name: string, dialect: Dialect = 'duckdb'): string {
  return dialectSql(new URL('./sql/', import.meta.url), name, dialect);
}

/**
 * Runs `sql/<name>.sql` (in the store's dialect) when every table it reads exists in the store;
 * a store without that stream (no DNS seen, never ingested) gives no rows.
 */
export async function queryReport(store: Store, tables: readonly string[], name: string, needs: string, params?: SqlParams): Promise<Row[]> {
  if (!tables.includes(needs)) return [];
  return store.all(reportSql(name, dialectOf(store)), params);
}

/** A row value as a finite number (null and text that is not a number give 0). */
export function num(v: unknown): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
}
