import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dialect } from './dialect.js';

/**
 * The text of an analytics query in the dialect of the store it runs on: `<dir>/<name>.sql` for
 * DuckDB, `<dir>/clickhouse/<name>.sql` for ClickHouse (each `sql/` folder keeps its ClickHouse
 * versions in a `clickhouse/` folder beside the DuckDB files; the build copies both into dist/).
 * @example dialectSql(new URL('./sql/', import.meta.url), 'top-talkers', dialectOf(store))
 */
export function dialectSql(dir: URL, name: string, dialect: Dialect = 'duckdb'): string {
  const file = new URL(`${dialect === 'clickhouse' ? 'clickhouse/' : ''}${name}.sql`, dir);
  if (dialect === 'clickhouse' && !existsSync(file)) throw new Error(`SQL "${name}" has no ClickHouse version (${fileURLToPath(file)})`);
  return readFileSync(file, 'utf8');
}
