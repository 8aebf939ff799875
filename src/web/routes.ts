import { caseRoutes } from '../case/api.js';
import { CaseStore } from '../case/store.js';
import type { Store } from '../store/duckdb.js';
import type { Route } from './router.js';

/**
 * Every route group `tracer serve` mounts, over one open store. A feature
 * (dashboard, enrichment API) adds its group here; each group is a plain list
 * of fetch-style routes, testable without a socket.
 */
export async function serverRoutes(store: Store): Promise<Route[]> {
  return [...caseRoutes(await CaseStore.open(store))];
}
