import { ClickHouseStore } from './clickhouse/store.js';
import { mirrorToDuckDB, type MirrorProgress } from './clickhouse/mirror.js';
import type { Store } from './duckdb.js';
import type { LogSchema } from './schema/types.js';

/**
 * The SQL dialects Tracer stores speak, and where they differ. Detection runs natively on both:
 * each detector, view and the intel observables query has a DuckDB file and a ClickHouse file
 * (`src/detect/sql/clickhouse/`, chosen by `dialectOf`). The ClickHouse store bridges the rest
 * in one place each: values bound on the client (escape.ts), `WITH name AS (…)` and views
 * inlined (inline-with.ts), rows shaped as DuckDB's by comment directives (row-shape.ts).
 * The correlation, report and dashboard queries are split the same way (dialectSql in sql-file.ts).
 */
export type Dialect = 'duckdb' | 'clickhouse';

/** The dialect of a store's `all()`/`run()`. */
export function dialectOf(store: Store): Dialect {
  return store instanceof ClickHouseStore ? 'clickhouse' : 'duckdb';
}

/** A store that runs DuckDB-dialect analytics over `store`'s data, and how to release it. */
export interface AnalysisStore {
  engine: Store;
  /** Closes the copy (nothing for a DuckDB store, which is its own engine). */
  release(): Promise<void>;
}

/**
 * The engine for DuckDB-dialect analytics over `store`: the store itself when it is DuckDB,
 * else an in-memory DuckDB copy of its streams (`schemas`, all by default). No command needs it
 * (detection, correlation, report and serve speak both dialects); the benchmark's comparison does.
 */
export async function analysisStore(store: Store, schemas?: readonly LogSchema[], onProgress?: MirrorProgress): Promise<AnalysisStore> {
  if (!(store instanceof ClickHouseStore)) return { engine: store, release: async () => {} };
  const engine = await mirrorToDuckDB(store, schemas, onProgress);
  return { engine, release: () => engine.close() };
}

/** Removes every row of a stream's table: `DELETE FROM` on DuckDB, `TRUNCATE TABLE` on ClickHouse. */
export async function clearTable(store: Store, schema: LogSchema): Promise<void> {
  if (store instanceof ClickHouseStore) await store.truncate(schema);
  else await store.run(`DELETE FROM "${schema.name}"`);
}
