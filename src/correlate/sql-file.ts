import { dialectOf } from '../store/dialect.js';
import type { Store } from '../store/duckdb.js';
import { dialectSql } from '../store/sql-file.js';

/** The text of `sql/<name>.sql` beside this module in `store`'s dialect (ClickHouse: `sql/clickhouse/<name>.sql`). */
export function correlateSql(name: string, store: Store): string {
  return dialectSql(new URL('./sql/', import.meta.url), name, dialectOf(store));
}
