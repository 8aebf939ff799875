import { readFileSync } from 'node:fs';
import type { Store } from '../store/duckdb.js';

/** Temporary views the detectors and the correlation read, each from `sql/views/<name>.sql`. */
const VIEWS = ['auth-resolved'] as const;

/**
 * Creates (or refreshes) the analysis views on the store's connection: `auth_resolved`
 * (authentication events with the server's address). Temporary: nothing is written to the file.
 */
export async function createAnalysisViews(store: Store): Promise<void> {
  for (const name of VIEWS) {
    const sql = readFileSync(new URL(`./sql/views/${name}.sql`, import.meta.url), 'utf8');
    await store.run(`CREATE OR REPLACE TEMP VIEW ${name.replace(/-/g, '_')} AS ${sql}`);
  }
}
