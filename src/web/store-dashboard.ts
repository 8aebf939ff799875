import { correlate } from '../correlate/index.js';
import { dialectOf } from '../store/dialect.js';
import type { Store } from '../store/duckdb.js';
import { connSchema } from '../store/schema/conn.js';
import { dialectSql } from '../store/sql-file.js';
import type { DashboardFeed, DashboardSnapshot } from './dashboard-model.js';

/** Most points of the traffic chart of a finished analysis: its buckets widen to fit. */
export const MAX_STORE_POINTS = 600;
/** Hosts in the top-talkers list. */
const TOP_TALKERS = 10;

/**
 * The dashboard of a finished analysis: traffic over time, protocol mix and
 * top talkers from the store's connections, the alerts `tracer detect` stored
 * and their incidents (correlate), in the store's SQL dialect (DuckDB or ClickHouse: `sql/clickhouse/`).
 * Worked out once, on the first request.
 * @example const routes = dashboardRoutes(new StoreDashboard(store));
 */
export class StoreDashboard implements DashboardFeed {
  private cached: Promise<DashboardSnapshot> | null = null;

  constructor(private readonly store: Store) {}

  snapshot(): Promise<DashboardSnapshot> {
    this.cached ??= this.build();
    return this.cached;
  }

  private async build(): Promise<DashboardSnapshot> {
    const sql = (name: string): string => dialectSql(new URL('./sql/', import.meta.url), name, dialectOf(this.store));
    await this.store.ensure(connSchema);
    const [span] = await this.store.all(sql('traffic-span'));
    const width = span.first === null ? 1 : Math.max(1, Math.ceil((Number(span.last) - Number(span.first) + 1) / MAX_STORE_POINTS));
    const series = (await this.store.all(sql('traffic-series'), { bucket: width })).map((r) => ({
      ts: Number(r.ts), packetsPerSec: Number(r.packets_per_sec), bytesPerSec: Number(r.bytes_per_sec),
    }));
    const protocols = Object.fromEntries((await this.store.all(sql('protocol-mix'))).map((r) => [String(r.proto), Number(r.packets)]));
    const topTalkers = (await this.store.all(sql('top-talkers'), { limit: TOP_TALKERS })).map((r) => ({ ip: String(r.ip), packets: Number(r.packets), bytes: Number(r.bytes) }));
    const analysis = await correlate(this.store);
    return {
      mode: 'store', source: this.store.path, series, protocols, topTalkers, totals: { packets: Number(span.packets), bytes: Number(span.bytes) },
      alerts: analysis.alerts.map((a) => ({ ...a })), incidents: analysis.incidents, ended: true, health: null,
    };
  }
}
