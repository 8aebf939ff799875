import { severityRank, type Alert } from '../detect/alert.js';
import { readAlerts } from '../detect/read-alerts.js';
import { createAnalysisViews } from '../detect/views.js';
import type { Store } from '../store/duckdb.js';
import { version } from '../util/version.js';
import { alertEvent, idsEvent, loginEvent } from './events.js';
import { hostScope, type HostScope } from './hosts.js';
import { buildIncident, candidatesOf, processEventsByUid } from './incident.js';
import { groupIncidents } from './incidents.js';
import type { Analysis, AnalysisInput, TimelineEvent } from './model.js';
import { correlateSql } from './sql-file.js';
import { trafficSigns } from './traffic-signs.js';

export type * from './model.js';
export { TACTICS } from './model.js';
export { graphToDot, graphToGraphml, graphToMermaid } from './graph-export.js';

/** How to correlate. */
export interface CorrelateOptions {
  /** CIDRs of the analyst's own networks (default: private ranges). */
  internalNets?: readonly string[];
  /** Quiet time on a host that separates two incidents, seconds (default one day). */
  gapSeconds?: number;
  /** ISO country of an address, for graph nodes (offline GeoIP). */
  country?: (ip: string) => string;
  /** Inputs not recorded in the store (intel feeds), for the chain of custody. */
  extraInputs?: readonly AnalysisInput[];
  /** Options of the run to record (thresholds, time zone…). */
  parameters?: Record<string, unknown>;
}

/** Default quiet time between incidents on one host: a day. */
export const DEFAULT_GAP_SECONDS = 86_400;

/** Did `src` guess passwords on `server` (a brute-force or host-log guessing alert) before `ts`? */
function guessedBefore(alerts: readonly Alert[], src: string, server: string, ts: number): boolean {
  return alerts.some((a) => (a.detector === 'auth_guessing' || a.detector === 'brute_force') && a.src === src && a.dst.includes(server) && a.firstSeen <= ts);
}

/** Every piece of evidence as a timeline event: alerts, accepted logins, other sensors' alerts. */
async function collectEvents(store: Store, alerts: readonly Alert[], scope: HostScope): Promise<TimelineEvent[]> {
  const events = alerts.map((a) => alertEvent(a, scope));
  for (const row of await store.all(correlateSql('accepted-logins', store))) {
    events.push(loginEvent(row, guessedBefore(alerts, String(row.src_ip), String(row.server), Number(row.ts)), scope));
  }
  for (const row of await store.all(correlateSql('ids-events', store))) events.push(idsEvent(row, scope));
  return events;
}

/** The inputs recorded in the store's ingests table, for the chain of custody. */
async function storeInputs(store: Store): Promise<{ inputs: AnalysisInput[]; window: Analysis['window'] }> {
  const rows = await store.all('SELECT path, format, sha256, file_bytes, first_ts, last_ts FROM ingests ORDER BY id');
  const inputs = rows.map((r): AnalysisInput => ({
    path: String(r.path), kind: r.format === 'pcap' || r.format === 'pcapng' ? 'capture' : 'log', sha256: String(r.sha256), bytes: Number(r.file_bytes),
  }));
  const starts = rows.filter((r) => r.first_ts !== null).map((r) => Number(r.first_ts));
  const ends = rows.filter((r) => r.last_ts !== null).map((r) => Number(r.last_ts));
  return { inputs, window: starts.length ? { start: Math.min(...starts), end: Math.max(...ends) } : null };
}

/**
 * Correlates everything in the store — the alerts of the last `tracer detect`, accepted logins
 * from host logs, Suricata alerts and Zeek notices, host-sensor and Sysmon process records —
 * into incidents, each with its timeline, attack graph, compromised hosts and attack chain.
 * Same store, same options → same analysis.
 * @example const analysis = await correlate(store, { internalNets: ['10.0.0.0/8'] });
 */
export async function correlate(store: Store, options: CorrelateOptions = {}): Promise<Analysis> {
  await createAnalysisViews(store);
  const scope = hostScope(options.internalNets);
  const alerts = await readAlerts(store);
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const groups = groupIncidents(await collectEvents(store, alerts, scope), options.gapSeconds ?? DEFAULT_GAP_SECONDS);
  const traffic = await trafficSigns(store, groups.flatMap((g, i) => candidatesOf(g, i, scope)));
  const processes = await processEventsByUid(store, groups);
  const incidents = groups.map((g, i) => buildIncident(g, i, { scope, alerts: byId, processes, traffic, country: options.country }));
  incidents.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.start - b.start);
  const { inputs, window } = await storeInputs(store);
  return {
    format: 'tracer-analysis/1', tracerVersion: version, parameters: options.parameters ?? {},
    inputs: [...inputs, ...(options.extraInputs ?? [])], window, incidents, alerts,
  };
}
