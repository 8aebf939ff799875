import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRecord } from '../detect/run.js';
import { openStoreFromUrl } from '../store/clickhouse/open.js';
import { same } from '../store/clickhouse/testing/compare.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from '../store/clickhouse/testing/test-server.js';
import { openStore, type Store } from '../store/duckdb.js';
import { alertsSchema } from '../store/schema/alerts.js';
import { allSchemas, schemaByName } from '../store/schema/index.js';
import type { LogRecord } from '../store/schema/types.js';
import { correlate, type Analysis } from './index.js';
import { alert, authLine, conn, T0, TACTIC } from './testing/evidence.js';

const ATTACKER = '203.0.113.66';
const VICTIM = '10.10.0.10';
const C2 = '198.51.100.23';

/**
 * An intrusion that reaches every query of the correlation: an accepted login after guessing, a
 * Suricata alert and a Zeek notice, a process behind the beacon (host sensor and Sysmon), the
 * victim calling its attacker back, and the victim reaching new external peers after the attack.
 * Names carry quotes, backslashes and a NUL, which the ClickHouse list parameter must keep.
 */
function intrusion(): { alerts: ReturnType<typeof alert>[]; records: Record<string, LogRecord[]> } {
  const alerts = [
    alert({ detector: 'port_scan', src: ATTACKER, dst: [VICTIM], firstSeen: T0, attack: TACTIC.scan, evidence: { kind: 'vertical', ports: 1000, probes: 1000 } }),
    alert({ detector: 'brute_force', src: ATTACKER, dst: [VICTIM], firstSeen: T0 + 100, attack: TACTIC.brute, evidence: { guesses: 40, port: 22 } }),
    alert({ detector: 'beacon', src: VICTIM, dst: [C2], firstSeen: T0 + 400, lastSeen: T0 + 3000, severity: 'low', attack: TACTIC.beacon, evidence: { connections: 40, uids: ['CB1', 'CB2'] } }),
  ];
  const external = (i: number, ts: number): LogRecord => conn({ ts, uid: `CP${i}`, id_orig_h: VICTIM, id_orig_p: 41000 + i, id_resp_h: `192.0.2.${i}`, id_resp_p: 443, local_resp: false });
  const records: Record<string, LogRecord[]> = {
    conn: [
      conn({ ts: T0 + 180, uid: 'CSSH', id_orig_h: ATTACKER, id_orig_p: 50052, id_resp_h: VICTIM, id_resp_p: 22, duration: 600, local_orig: false }),
      conn({ ts: T0 + 400, uid: 'CB1', id_orig_h: VICTIM, id_orig_p: 40000, id_resp_h: C2, id_resp_p: 80, local_resp: false }),
      conn({ ts: T0 + 460, uid: 'CB2', id_orig_h: VICTIM, id_orig_p: 40001, id_resp_h: C2, id_resp_p: 80, local_resp: false }),
      conn({ ts: T0 + 900, uid: 'CBACK1', id_orig_h: VICTIM, id_orig_p: 42000, id_resp_h: ATTACKER, id_resp_p: 4444, local_resp: false }),
      conn({ ts: T0 + 950, uid: 'CBACK2', id_orig_h: VICTIM, id_orig_p: 42001, id_resp_h: ATTACKER, id_resp_p: 8080, local_resp: false }),
      external(1, T0 - 5000), external(2, T0 - 4000), ...[3, 4, 5, 6].map((i) => external(i, T0 + 1000 + i)),
    ],
    auth: [
      ...Array.from({ length: 12 }, (_, i) => authLine({ ts: T0 + 100 + i, event: 'failed_password', src_ip: ATTACKER, src_port: 50000 + i, source_line: i + 1 })),
      authLine({ ts: T0 + 181, event: 'accepted_password', src_ip: ATTACKER, src_port: 50052, user: "o'brien\\ops", source_line: 13 }),
    ],
    host_conns: [{
      ts: T0 + 401, prev_poll: T0 + 399, proto: 'tcp', local_h: VICTIM, local_p: 40000, remote_p: 80, remote_net: '198.51.100.0/24', pid: 4242,
      name: 'curl', exe: '/usr/bin/curl', user: 'admin', ancestry: ['4242:curl:9', '4100:bash:8', '1:systemd:1'], direction: 'out',
    }],
    sysmon_conns: [{
      ts: T0 + 462, host: 'WS01', pid: 77, image: 'C:\\Users\\x\\"evil".exe', user: 'CORP\\x', proto: 'tcp', initiated: true,
      src_ip: VICTIM, src_port: 40001, dst_ip: C2, dst_port: 80, source_file: 'sysmon.evtx', source_line: 1,
    }],
    suricata_alert: [1, 2].map((n) => ({
      ts: T0 + 150 + n, src_ip: ATTACKER, src_port: 50100, dest_ip: VICTIM, dest_port: 22, proto: 'tcp', signature_id: 2001219, severity: 2,
      signature: 'ET SCAN Potential SSH Scan', category: 'Attempted Information Leak', source_file: 'eve.json', source_line: n,
    })),
    notice: [{ ts: T0 + 300, src: ATTACKER, dst: VICTIM, note: 'SSH::Password_Guessing', msg: `${ATTACKER} appears to be guessing SSH passwords` }],
  };
  return { alerts, records };
}

/** Writes the alerts (as `tracer detect` does) and records into a store with every stream's table. */
async function fill(store: Store, alerts: ReturnType<typeof alert>[], records: Record<string, LogRecord[]>): Promise<void> {
  for (const schema of allSchemas) await store.ensure(schema);
  for (const [stream, rows] of Object.entries(records)) {
    const writer = store.writer(schemaByName(stream)!);
    for (const r of rows) writer.append(r);
    writer.flush();
  }
  const writer = store.writer(alertsSchema);
  for (const a of alerts) writer.append(alertRecord(a));
  writer.flush();
}

if (clickhouseSkipReason) console.warn(`skipping the ClickHouse correlation comparison: ${clickhouseSkipReason}`);

describe.skipIf(clickhouseSkipReason !== null)('correlation as ClickHouse SQL gives the DuckDB analysis', () => {
  const url = freshClickHouseUrl('correlate');
  let duck: Analysis;
  let ch: Analysis;

  beforeAll(async () => {
    const { alerts, records } = intrusion();
    const duckStore = await openStore(':memory:');
    const chStore = await openStoreFromUrl(url);
    try {
      await fill(duckStore, alerts, records);
      await fill(chStore, alerts, records);
      [duck, ch] = [await correlate(duckStore), await correlate(chStore)];
    } finally {
      await duckStore.close();
      await chStore.close();
    }
  }, 60_000);

  afterAll(() => dropClickHouseDatabase(url));

  it('reaches every query: login, other sensors, processes, calls back, new peers', () => {
    const [incident] = duck.incidents;
    const text = JSON.stringify(duck);
    expect(incident.timeline.map((e) => e.source)).toEqual(expect.arrayContaining(['auth', 'suricata', 'notice']));
    expect(text).toMatch(/process curl \(pid 4242\)/);
    expect(text).toContain(JSON.stringify('C:\\Users\\x\\"evil".exe').slice(1, -1));
    const reasons = incident.compromised.flatMap((c) => c.reasons).join('\n');
    expect(reasons).toMatch(/connection\(s\) back to the attacker 203\.0\.113\.66 .*\(port 4444, 8080\)/);
    expect(reasons).toMatch(/contacted 6 external hosts it had not contacted before/);
    expect(reasons).toContain(`for ${JSON.stringify("o'brien\\ops")} from`);
  });

  it('is identical on both stores: incidents, compromised hosts, chain, timeline, graph', () => {
    expect(ch.incidents.map((i) => i.chain)).toEqual(duck.incidents.map((i) => i.chain));
    expect(ch.incidents.map((i) => i.compromised)).toEqual(duck.incidents.map((i) => i.compromised));
    expect(same(ch, duck)).toBe(true);
  });
});
