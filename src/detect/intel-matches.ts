import type { IntelIndex } from '../intel/index/intel-index.js';
import { matchObservables, matchStore, type IntelAlert } from '../intel/store/store-match.js';
import { dialectOf } from '../store/dialect.js';
import type { Store } from '../store/duckdb.js';
import { makeAlert, type Alert, type Attack } from './alert.js';
import { detectorSql } from './sql-detector.js';

/** Network observables matched by intel are treated as command-and-control contact. */
const NETWORK_ATTACK: Attack = { tactic: 'Command and Control', techniqueId: 'T1071', technique: 'Application Layer Protocol' };
/** A known-bad file crossing the network is tool or malware transfer. */
const FILE_ATTACK: Attack = { tactic: 'Command and Control', techniqueId: 'T1105', technique: 'Ingress Tool Transfer' };

/**
 * Turns threat-intel matches over the store (see matchStore) into alerts that carry the
 * feed's context: one per feed and observable, high severity, with the first connection
 * that showed it as evidence.
 */
export async function intelAlerts(store: Store, indexes: readonly IntelIndex[], country?: (ip: string) => string): Promise<Alert[]> {
  if (indexes.length === 0) return [];
  const alerts: Alert[] = [];
  const matches = dialectOf(store) === 'clickhouse' ? await matchClickHouse(store, indexes, country) : await matchStore(store, indexes, country);
  for (const m of matches) {
    const [conn] = await store.all('SELECT id_orig_h AS orig, id_resp_h AS resp FROM conn WHERE uid = ? LIMIT 1', [m.uid]);
    alerts.push(toAlert(m, conn ? { orig: String(conn.orig), resp: String(conn.resp) } : undefined));
  }
  return alerts;
}

/**
 * matchStore on a ClickHouse store: the observables come from `sql/clickhouse/intel-observables.sql`
 * (the same rows as matchStore's DuckDB query) and are matched the same way.
 */
async function matchClickHouse(store: Store, indexes: readonly IntelIndex[], country: (ip: string) => string = () => ''): Promise<IntelAlert[]> {
  const rows = await store.all(detectorSql('intel-observables', 'clickhouse'));
  return matchObservables(rows, indexes, country);
}

/** Who contacted whom: the connection's originator and responder (the observable is on one side). */
function parties(m: IntelAlert, conn?: { orig: string; resp: string }): { src: string; dst: string[] } {
  return conn ? { src: conn.orig, dst: [conn.resp] } : { src: m.observed, dst: [] };
}

function toAlert(m: IntelAlert, conn?: { orig: string; resp: string }): Alert {
  const isFile = m.kind === 'hash';
  const where = m.country ? ` (${m.country})` : '';
  return makeAlert({
    key: `${m.category}\0${m.kind}\0${m.observed}`,
    detector: 'intel_match',
    severity: 'high',
    score: 0.9,
    attack: isFile ? FILE_ATTACK : NETWORK_ATTACK,
    firstSeen: m.ts,
    lastSeen: m.ts,
    ...parties(m, conn),
    explanation: `${m.kind} ${m.observed}${where} matched ${m.indicator} in feed ${m.category}; seen in ${m.seen} record(s), first in connection ${m.uid}.`,
    evidence: { uids: [m.uid], feed: m.category, indicator: m.indicator, kind: m.kind, seen: m.seen, context: m.context, country: m.country },
  });
}
