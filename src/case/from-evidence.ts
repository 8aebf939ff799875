import { existsSync, readFileSync } from 'node:fs';
import type { Row, Store } from '../store/duckdb.js';
import { NotFoundError } from './errors.js';
import type { Evidence, PathElement, StoredCase } from './model.js';
import { insertElement, type NewElement } from './path.js';
import { CaseStore } from './store.js';
import { observedTtls, ttlElements } from './ttl-hops.js';
import { parseNewDetection } from './validate.js';
import { currentActor } from './actor.js';

const CONNS_SQL = readFileSync(new URL('./from-evidence.sql', import.meta.url), 'utf8');
const ALERTS_SQL = readFileSync(new URL('./from-evidence-alerts.sql', import.meta.url), 'utf8');
/** Most connections read for one case (evidence links and hop proposals come from these). */
const MAX_CONNECTIONS = 1000;
/** Most alerts attached to one case. */
const MAX_ALERTS = 100;
/** Most elements proposed from distinct VLAN tags or MAC pairs. */
const MAX_PROPOSED = 20;

/**
 * What the capture is asked about: the two ends; `alerts` are alert ids to
 * attach (default: every alert of `tracer detect` between the two), `uids`
 * limit the connections (default: all between the two).
 */
export interface EvidenceQuery {
  source: string;
  destination: string;
  threatType?: string;
  alerts?: string[];
  uids?: string[];
  /** Notes to open the case with (the attack chain, where the case came from). */
  notes?: string[];
  /** Evidence beyond alerts and connections (log lines). */
  extraEvidence?: Evidence[];
  /** Open the case even when the capture holds no connection between the two (log-only evidence). */
  allowNoConnections?: boolean;
}

function text(value: Row[string]): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Switches from distinct VLAN tags: one per outer/inner pair seen on the connections. */
function vlanElements(rows: readonly Row[]): NewElement[] {
  const tags = new Set(rows.filter((r) => r.vlan !== null).map((r) => `${text(r.vlan)}/${text(r.inner_vlan)}`));
  return [...tags].slice(0, MAX_PROPOSED).map((tag) => {
    const [outer, inner] = tag.split('/');
    const sourceFacts = [{ key: 'VLAN', value: outer }, ...(inner ? [{ key: 'inner_VLAN', value: inner }] : [])];
    return { type: 'switch', name: `VLAN ${inner ? `${outer}/${inner}` : outer}`, movement: 'direct', sourceFacts, destinationFacts: [] };
  });
}

/** Layer-2 hops: per distinct MAC pair (source side → destination side) a router proposal, its MACs as facts. */
function macElements(rows: readonly Row[]): NewElement[] {
  const pairs = new Set(rows.filter((r) => r.orig_l2_addr !== null && r.resp_l2_addr !== null)
    .map((r) => (r.forward ? `${text(r.orig_l2_addr)} ${text(r.resp_l2_addr)}` : `${text(r.resp_l2_addr)} ${text(r.orig_l2_addr)}`)));
  return [...pairs].slice(0, MAX_PROPOSED).map((pair) => {
    const [sourceMac, destinationMac] = pair.split(' ');
    return { type: 'router', name: `L2 hop ${destinationMac}`, movement: 'direct',
      sourceFacts: [{ key: 'source_side_MAC', value: sourceMac }], destinationFacts: [{ key: 'destination_side_MAC', value: destinationMac }] };
  });
}

/**
 * Alerts from the store's alerts table (ids given, or all between the two
 * ends), most severe first; given ids not in the table are kept as bare
 * references. `threat` names the most severe one (its technique, else detector).
 */
async function alertEvidence(store: Store, tables: readonly string[], query: EvidenceQuery): Promise<{ evidence: Evidence[]; threat?: string }> {
  const ids = query.alerts ?? [];
  const rows = tables.includes('alerts') ? await store.all(ALERTS_SQL, { src: query.source, dst: query.destination, ids: JSON.stringify(ids), limit: MAX_ALERTS }) : [];
  const found = rows.map((r): Evidence => ({ kind: 'alert', ref: text(r.id), note: `${text(r.detector)} (${text(r.severity)}): ${text(r.explanation)}` }));
  const missing = ids.filter((id) => !rows.some((r) => r.id === id)).map((id): Evidence => ({ kind: 'alert', ref: id, note: '' }));
  return { evidence: [...found, ...missing], threat: rows.length > 0 ? text(rows[0].technique) || text(rows[0].detector) : undefined };
}

/** The capture files recorded in the store's ingests that are still where they were read from. */
async function capturePaths(store: Store, tables: readonly string[]): Promise<string[]> {
  if (!tables.includes('ingests')) return [];
  const rows = await store.all("SELECT path FROM ingests WHERE format IN ('pcap', 'pcapng') AND path <> '-' ORDER BY id");
  return rows.map((r) => String(r.path)).filter((p) => existsSync(p));
}

function connectionEvidence(r: Row): Evidence {
  return { kind: 'connection', ref: text(r.uid), note: `${text(r.proto)} ${text(r.id_orig_h)}:${text(r.id_orig_p)} → ${text(r.id_resp_h)}:${text(r.id_resp_p)}` };
}

/**
 * Opens a case from what the capture in `store` shows between source and
 * destination: routed hops from the TTLs in the capture files (when still on disk), switches
 * for the VLAN tags seen, layer-2 hops for the MAC pairs seen (the gateway's MAC when routed), the alerts and connections as
 * evidence; the threat type defaults to the most severe alert's detector. Every proposal is an ordinary element the investigator can edit.
 * @throws NotFoundError when the store holds no such connection (unless `allowNoConnections`)
 */
export async function createCaseFromEvidence(store: Store, query: EvidenceQuery): Promise<StoredCase> {
  const tables = await store.tables();
  const alerts = await alertEvidence(store, tables, query);
  const threatType = query.threatType ?? alerts.threat ?? 'Suspicious traffic (from capture)';
  const detection = parseNewDetection({ threatType, source: query.source, destination: query.destination }, currentActor());
  const rows = tables.includes('conn') ? await store.all(CONNS_SQL, { src: detection.source, dst: detection.destination, uids: JSON.stringify(query.uids ?? []), limit: MAX_CONNECTIONS }) : [];
  if (rows.length === 0 && !query.allowNoConnections) throw new NotFoundError(`no connection between ${detection.source} and ${detection.destination} in ${store.path}${query.uids?.length ? ' with the given uids' : ''}`);
  const ttl = ttlElements(detection.source, detection.destination, rows.length ? await observedTtls(await capturePaths(store, tables), detection.source, detection.destination) : { fromA: 0, fromB: 0 });
  const proposed = [...ttl.sourceSide, ...vlanElements(rows), ...macElements(rows), ...ttl.destinationSide] as Array<Omit<PathElement, 'id'>>;
  const evidence = [...alerts.evidence, ...rows.map(connectionEvidence), ...(query.extraEvidence ?? [])];
  const cases = await CaseStore.open(store);
  return cases.create(detection, {}, (doc) => proposed.reduce((d, e) => insertElement(d, d.path.length + 1, e), { ...doc, evidence, notes: [...doc.notes, ...(query.notes ?? [])] }));
}
