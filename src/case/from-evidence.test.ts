import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { tshark } from '../../test/helpers/tshark.js';
import { openStore, type Store } from '../store/duckdb.js';
import { alertsSchema } from '../store/schema/alerts.js';
import { NotFoundError } from './errors.js';
import { createCaseFromEvidence } from './from-evidence.js';

const QINQ = 'pcaps/vlan/zeek_q-in-q.pcap';
const HTTP_VLAN0 = 'pcaps/vlan/zeek_http-vlan-0.pcap';
const dir = mkdtempSync(join(tmpdir(), 'tracer-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What tshark (the oracle) sees from src to dst: source MAC, next-hop MAC and VLAN tags, as distinct lines. */
function tsharkHops(file: string, src: string, dst: string): string[] {
  const out = tshark(['-r', corpus(file), '-Y', `ip.src==${src} && ip.dst==${dst}`, '-T', 'fields', '-e', 'eth.src', '-e', 'eth.dst', '-e', 'vlan.id']);
  return [...new Set(out.trim().split('\n'))];
}

async function ingested(file: string): Promise<Store> {
  const db = join(dir, `${file.replace(/\W/g, '_')}.duckdb`);
  const result = await runCli(['ingest', '--db', db, corpus(file)]);
  expect(result.code, result.stderr).toBe(0);
  return openStore(db);
}

describe.skipIf(!haveCorpus)('createCaseFromEvidence on real captures', () => {
  let qinq: Store;
  beforeAll(async () => { qinq = await ingested(QINQ); }, 60_000);
  afterAll(async () => { await qinq.close(); });

  it('proposes the Q-in-Q switch and the layer-2 hop tshark shows, with the connection as evidence', async () => {
    const [hop] = tsharkHops(QINQ, '172.19.51.37', '172.19.51.63');
    const [srcMac, dstMac, vlans] = hop.split('\t');
    const [outer, inner] = vlans.split(',');
    const { case: doc } = await createCaseFromEvidence(qinq, { source: '172.19.51.37', destination: '172.19.51.63', alerts: ['ET POLICY BACnet'] });
    expect(doc.path.map((e) => [e.type, e.name])).toEqual([['switch', `VLAN ${outer}/${inner}`], ['router', `L2 hop ${dstMac}`]]);
    expect(doc.path[0].sourceFacts).toEqual([{ key: 'VLAN', value: outer }, { key: 'inner_VLAN', value: inner }]);
    expect(doc.path[1].sourceFacts).toEqual([{ key: 'source_side_MAC', value: srcMac }]);
    expect(doc.evidence.map((e) => e.kind)).toEqual(['alert', 'connection']);
    expect(doc.evidence[1].note).toBe('udp 172.19.51.37:47808 → 172.19.51.63:47808');
  });

  it('attaches the alerts between the two ends, most severe first, and names the threat after it', async () => {
    // Test alerts written as `tracer detect` would (the Q-in-Q capture triggers no detector of its own).
    const alert = { detector: 'unusual_conn', tactic: 'Discovery', technique_id: 'T1046', first_seen: 1363900699.5, last_seen: 1363900699.6, explanation: 'test alert', evidence: '{}' };
    await qinq.ensure(alertsSchema);
    const writer = qinq.writer(alertsSchema);
    writer.append({ ...alert, id: 'A-low', severity: 'low', score: 0.2, technique: 'Network Service Discovery', src: '172.19.51.37', dst: ['172.19.51.63'] });
    writer.append({ ...alert, id: 'A-high', severity: 'high', score: 0.9, technique: 'Remote Services', src: '172.19.51.63', dst: ['172.19.51.37'] });
    writer.append({ ...alert, id: 'A-other', severity: 'critical', score: 1, technique: 'Other', src: '193.1.186.60', dst: ['224.2.127.254'] });
    writer.flush();
    const { case: doc } = await createCaseFromEvidence(qinq, { source: '172.19.51.37', destination: '172.19.51.63' });
    expect(doc.detection.threatType).toBe('Remote Services');
    expect(doc.evidence.filter((e) => e.kind === 'alert').map((e) => e.ref)).toEqual(['A-high', 'A-low']);
    const chosen = await createCaseFromEvidence(qinq, { source: '172.19.51.37', destination: '172.19.51.63', alerts: ['A-low', 'A-unknown'], threatType: 'SQL Injection' });
    expect(chosen.case.detection.threatType).toBe('SQL Injection');
    expect(chosen.case.evidence.filter((e) => e.kind === 'alert').map((e) => [e.ref, e.note])).toEqual([['A-low', 'unusual_conn (low): test alert'], ['A-unknown', '']]);
  });

  it('limits evidence to given uids and refuses when nothing matches', async () => {
    await expect(createCaseFromEvidence(qinq, { source: '172.19.51.37', destination: '172.19.51.63', uids: ['Cnone'] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCaseFromEvidence(qinq, { source: '10.9.9.9', destination: '172.19.51.63' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('orients MACs from the case source even when the stored connection runs the other way; routed hops from the TTLs', async () => {
    const store = await ingested(HTTP_VLAN0);
    const [hop] = tsharkHops(HTTP_VLAN0, '192.150.187.43', '141.142.228.5');
    const [srcMac, dstMac] = hop.split('\t');
    const { case: doc } = await createCaseFromEvidence(store, { source: '192.150.187.43', destination: '141.142.228.5' });
    const router = doc.path.find((e) => e.type === 'router' && e.name.startsWith('L2 hop'));
    expect(router?.sourceFacts).toEqual([{ key: 'source_side_MAC', value: srcMac }]);
    expect(router?.destinationFacts).toEqual([{ key: 'destination_side_MAC', value: dstMac }]);
    await store.close();
    const ttl = (src: string) => Number(tshark(['-r', corpus(HTTP_VLAN0), '-Y', `ip.src == ${src}`, '-T', 'fields', '-e', 'ip.ttl']).split('\n')[0]);
    const far = ttl('192.150.187.43');
    expect(ttl('141.142.228.5')).toBe(64);
    expect(doc.path[0]).toMatchObject({ type: 'router', name: `${64 - far} routed hop(s) from 192.150.187.43 (TTL ${far} of 64)`, destinationFacts: [] });
    expect(doc.path.filter((e) => e.name.includes('routed hop'))).toHaveLength(1);
  }, 60_000);

});
