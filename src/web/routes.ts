import { caseRoutes } from '../case/api.js';
import { CaseStore } from '../case/store.js';
import type { Store } from '../store/duckdb.js';
import type { DashboardFeed } from './dashboard-model.js';
import { dashboardDataRoutes } from './event-stream-route.js';
import type { Route } from './router.js';
import { staticRoutes } from './static-files.js';
import { StoreDashboard } from './store-dashboard.js';

/**
 * Every route group `tracer serve` mounts: the case API over `store` (a DuckDB
 * store: cases are updated in place), the dashboard page and its data — from
 * `feed` (a live capture, or the finished analysis of another store such as a
 * ClickHouse one) or, by default, from this store's finished analysis. Each
 * group is a plain list of fetch-style routes, testable without a socket.
 */
export async function serverRoutes(store: Store, feed: DashboardFeed = new StoreDashboard(store)): Promise<Route[]> {
  return [...caseRoutes(await CaseStore.open(store)), ...dashboardDataRoutes(feed), ...staticRoutes()];
}
