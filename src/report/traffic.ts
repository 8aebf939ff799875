import type { Store } from '../store/duckdb.js';
import { bucketStart, bucketWidth } from './buckets.js';
import type { PhaseTotals, TrafficSeries, TrafficStats } from './model.js';
import { num, queryReport } from './sql.js';

/** Protocols drawn by name on the traffic charts; the rest are summed as "other". */
export const TOP_PROTOCOLS = 7;

/**
 * Traffic over time from the store's connections, in round buckets chosen so a
 * chart has at most MAX_BUCKETS points however long the capture, per protocol,
 * with totals before, during and after the intrusion windows.
 */
export async function collectTraffic(store: Store, intrusions: TrafficStats['intrusions']): Promise<TrafficStats> {
  const tables = await store.tables();
  const [span] = await queryReport(store, tables, 'conn-span', 'conn');
  const empty: TrafficStats = { span: null, bucketSeconds: 1, buckets: [], series: [], intrusions, phases: [], totals: { connections: 0, packets: 0, bytes: 0, hosts: 0 } };
  if (!span || span.first_ts === null || num(span.connections) === 0) return empty;
  const first = num(span.first_ts);
  const last = Math.max(first, num(span.last_ts));
  const bucketSeconds = bucketWidth(last - first + 1);
  const start = bucketStart(first, bucketSeconds);
  const count = Math.floor((last - start) / bucketSeconds) + 1;
  const buckets = Array.from({ length: count }, (_, i) => start + i * bucketSeconds);
  const rows = await queryReport(store, tables, 'traffic-buckets', 'conn', { start, bucket: bucketSeconds, top: TOP_PROTOCOLS });
  const byProtocol = new Map<string, TrafficSeries>();
  for (const r of rows) {
    const protocol = String(r.protocol);
    let s = byProtocol.get(protocol);
    if (!s) byProtocol.set(protocol, s = { protocol, packets: new Array(count).fill(0), bytes: new Array(count).fill(0), connections: new Array(count).fill(0) });
    const i = Math.min(count - 1, Math.max(0, num(r.bucket)));
    s.packets[i] += num(r.packets);
    s.bytes[i] += num(r.bytes);
    s.connections[i] += num(r.connections);
  }
  const series = [...byProtocol.values()].sort((a, b) => sum(b.bytes) - sum(a.bytes) || (a.protocol < b.protocol ? -1 : 1));
  return {
    span: { start: first, end: last }, bucketSeconds, buckets, series, intrusions,
    phases: await phases(store, tables, intrusions, { start: first, end: last }),
    totals: { connections: num(span.connections), packets: num(span.packets), bytes: num(span.bytes), hosts: num(span.hosts) },
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Totals (by connection start) before the first intrusion starts, during the intrusions' span, and after it ends, with each phase's bounds. */
async function phases(store: Store, tables: string[], intrusions: TrafficStats['intrusions'], span: { start: number; end: number }): Promise<PhaseTotals[]> {
  if (intrusions.length === 0) return [];
  const start = Math.min(...intrusions.map((i) => i.start));
  const end = Math.max(...intrusions.map((i) => i.end));
  const rows = await queryReport(store, tables, 'traffic-phases', 'conn', { start, end });
  const order = ['before', 'during', 'after'] as const;
  const bounds = { before: [span.start, start], during: [start, end], after: [end, span.end] };
  return order.map((phase) => {
    const r = rows.find((row) => row.phase === phase);
    return { phase, start: bounds[phase][0], end: Math.max(bounds[phase][0], bounds[phase][1]), connections: num(r?.connections), packets: num(r?.packets), bytes: num(r?.bytes) };
  });
}
