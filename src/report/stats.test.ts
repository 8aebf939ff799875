import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conn, storeWith, T0 } from '../detect/testing/store.js';
import type { Store } from '../store/duckdb.js';
import { collectCustody } from './custody.js';
import { sampleAnalysis } from './testing/sample-analysis.js';
import { collectTops } from './tops.js';
import { collectTraffic } from './traffic.js';

describe('store statistics for the report', () => {
  let store: Store;
  beforeAll(async () => {
    const conns = [];
    // An hour: one 1 kB web connection a minute, plus an SSH burst of 50 in minute 30.
    for (let m = 0; m < 60; m++) conns.push(conn({ ts: T0 + m * 60, uid: `W${m}`, service: 'http', orig_ip_bytes: 400, resp_ip_bytes: 600, orig_pkts: 4, resp_pkts: 4 }));
    for (let i = 0; i < 50; i++) conns.push(conn({ ts: T0 + 1800 + i, uid: `S${i}`, id_orig_h: '203.0.113.66', id_resp_h: '10.0.0.9', id_resp_p: 22, service: 'ssh', orig_ip_bytes: 100, resp_ip_bytes: 100, orig_pkts: 1, resp_pkts: 1, conn_state: 'REJ' }));
    store = await storeWith({
      conn: conns,
      dns: [{ ts: T0, uid: 'D1', id_orig_h: '10.0.0.5', id_orig_p: 5000, id_resp_h: '10.0.0.53', id_resp_p: 53, proto: 'udp', query: '<b>evil</b>.example', rcode_name: 'NXDOMAIN' }],
      http: [{ ts: T0, uid: 'W0', id_orig_h: '10.0.0.5', id_orig_p: 5000, id_resp_h: '10.0.0.9', id_resp_p: 80, host: 'www.example.com', user_agent: 'curl/8.0', response_body_len: 500 }],
      ingests: [{ id: 1, input: 'a.pcap', path: 'cases/a.pcap', sha256: 'ab'.repeat(32), file_bytes: 12345, packets: 530, first_ts: T0, last_ts: T0 + 3540, tracer_version: '0.1.0', finished: '2026-11-23T10:00:00Z', format: 'pcap' }],
    });
  });
  afterAll(() => store.close());

  it('buckets traffic per protocol in round widths and totals the phases around the intrusion', async () => {
    const t = await collectTraffic(store, [{ id: 'INC-1', start: T0 + 1800, end: T0 + 1849 }]);
    expect(t.bucketSeconds).toBe(15);
    expect(t.buckets[0]).toBe(T0);
    const ssh = t.series.find((s) => s.protocol === 'ssh')!;
    expect(ssh.connections.reduce((a, b) => a + b, 0)).toBe(50);
    expect(ssh.connections[120]).toBe(15);
    expect(t.series[0].protocol).toBe('http');
    expect(t.phases.map((p) => [p.phase, p.connections, p.start - T0, p.end - T0])).toEqual([['before', 30, 0, 1800], ['during', 51, 1800, 1849], ['after', 29, 1849, 3541]]);
    expect(t.totals).toMatchObject({ connections: 110, bytes: 60 * 1000 + 50 * 200, packets: 60 * 8 + 100 });
  });

  it('has no buckets for an empty store', async () => {
    const empty = await storeWith({});
    try {
      expect(await collectTraffic(empty, [])).toMatchObject({ span: null, buckets: [], series: [] });
    } finally {
      await empty.close();
    }
  });

  it('ranks talkers, ports, protocols and names, keeping names as text', async () => {
    const tops = Object.fromEntries((await collectTops(store, 5)).map((t) => [t.id, t]));
    expect(tops.talkers.rows[0]).toMatchObject({ host: '10.0.0.9', connections: 110 });
    expect(tops.ports.rows[0]).toMatchObject({ port: 80, proto: 'tcp', connections: 60 });
    expect(tops.ports.rows[1]).toMatchObject({ port: 22, unanswered: 50, sources: 1 });
    expect(tops.protocols.rows.map((r) => r.protocol)).toEqual(['http', 'ssh']);
    expect(tops.dns.rows).toEqual([{ name: '<b>evil</b>.example', queries: 1, clients: 1, nxdomain: 1 }]);
    expect(tops['user-agents'].rows).toEqual([{ name: 'curl/8.0', requests: 1, clients: 1 }]);
    expect(tops.sni.rows).toEqual([]);
  });

  it('takes the chain of custody from the ingests table and adds inputs only the analysis names', async () => {
    const c = await collectCustody(store, sampleAnalysis(), { out: 'x' }, new Date('2026-11-23T12:00:00Z'));
    expect(c.inputs[0]).toMatchObject({ path: 'cases/a.pcap', sha256: 'ab'.repeat(32), bytes: 12345, packets: 530, kind: 'pcap' });
    expect(c.inputs[1]).toMatchObject({ path: 'samples/intrusion.pcap.gz', kind: 'capture' });
    expect(c.generatedAt).toBe('2026-11-23T12:00:00.000Z');
    expect(c.parameters).toEqual({ analysis: sampleAnalysis().parameters, report: { out: 'x' } });
  });
});
