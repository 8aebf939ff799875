import { ClickHouseStore } from '../store/clickhouse/store.js';
import type { Store } from '../store/duckdb.js';
import { allSchemas } from '../store/schema/index.js';
import { detectorSql } from './sql-detector.js';

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
    const view = name.replace(/-/g, '_');
    if (store instanceof ClickHouseStore) store.defineView(view, detectorSql(`views/${name}`, 'clickhouse'));
    else await store.run(`CREATE OR REPLACE TEMP VIEW ${view} AS ${detectorSql(`views/${name}`)}`);
  }
}
