import { ClickHouseStore } from '../store/clickhouse/store.js';
import type { Store } from '../store/duckdb.js';
import { allSchemas } from '../store/schema/index.js';
import { dialectSql } from '../store/sql-file.js';

/** Temporary views the detectors and the correlation read, each from `sql/views/<name>.sql`. */
const VIEWS = ['auth-resolved'] as const;

/**
 * Readies a store for the analytics (detectors, correlation): creates the stream tables and columns
 * an older or partial store lacks (empty: e.g. conn.bursts before it was recorded), then (re)creates the analysis views on the store's connection:
 * `auth_resolved` (authentication events with the server's address). The views are temporary:
 * on ClickHouse, subqueries (`sql/clickhouse/views/`) the store inlines into later queries, read
 * once any batch a retried insert stored twice has been merged away (see deduplicate).
 */
export async function createAnalysisViews(store: Store): Promise<void> {
  for (const schema of allSchemas) await store.ensure(schema);
  if (store instanceof ClickHouseStore) await store.deduplicate();
  for (const name of VIEWS) {
    const clickhouse = store instanceof ClickHouseStore;
    const sql = dialectSql(new URL('./sql/', import.meta.url), `views/${name}`, clickhouse ? 'clickhouse' : 'duckdb');
    if (clickhouse) store.defineView(name.replace(/-/g, '_'), sql);
    else await store.run(`CREATE OR REPLACE TEMP VIEW ${name.replace(/-/g, '_')} AS ${sql}`);
  }
}
