import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeConfig } from './config.js';
import { runDetectors } from './run.js';
import { openStore } from '../store/duckdb.js';
import { connSchema } from '../store/schema/conn.js';
import { conn, storeWith, T0 } from './testing/store.js';

/** A 20-port SYN scan (in 2 s) from 10.0.0.66 and a 4 MB upload from 10.0.0.5. */
function records() {
  const scan = Array.from({ length: 20 }, (_, i) => conn({ ts: T0 + i / 10, uid: `P${i}`, id_orig_h: '10.0.0.66', id_resp_p: i + 1, orig_bytes: 0, resp_bytes: 0, history: 'Sr', conn_state: 'REJ' }));
  return { conn: [...scan, conn({ uid: 'X', id_resp_h: '198.51.100.23', local_resp: false, orig_bytes: 4_000_000, resp_bytes: 100 })] };
}

describe('runDetectors', () => {
  it('writes the alerts table, replacing earlier runs, with the same ids each time', async () => {
    const store = await storeWith(records());
    const first = await runDetectors(store);
    const second = await runDetectors(store);
    expect(first.alerts.map((a) => a.detector).sort()).toEqual(['exfiltration', 'port_scan']);
    expect(second.alerts.map((a) => a.id)).toEqual(first.alerts.map((a) => a.id));
    const rows = await store.all('SELECT id, detector, src, dst, evidence FROM alerts ORDER BY detector');
    expect(rows.map((r) => [r.detector, r.src, r.dst])).toEqual([['exfiltration', '10.0.0.5', ['198.51.100.23']], ['port_scan', '10.0.0.66', ['10.0.0.9']]]);
    expect(JSON.parse(String(rows[1].evidence)).uids).toHaveLength(20);
    await store.close();
  });

  it('applies thresholds and the allowlist to stored data', async () => {
    const store = await storeWith(records());
    const config = mergeConfig(DEFAULT_CONFIG, { detectors: { port_scan: { min_ports: 21 } }, allow: ['198.51.100.0/24'] }, 'test');
    const report = await runDetectors(store, config);
    expect(report.alerts).toEqual([]);
    expect(report.allowed).toBe(1);
    expect(await store.all('SELECT * FROM alerts')).toEqual([]);
    await store.close();
  });

  it('runs on an older store holding only connections (no arp, ssh, http… tables)', async () => {
    const store = await openStore(':memory:');
    await store.ensure(connSchema);
    await expect(runDetectors(store)).resolves.toMatchObject({ alerts: [] });
    await store.close();
  });

  it('runs on a store whose conn table predates columns the detectors read (bursts)', async () => {
    const store = await openStore(':memory:');
    const older = { ...connSchema, fields: connSchema.fields.filter((f) => !f.name.startsWith('burst')) };
    await store.ensure(older);
    const writer = store.writer(older);
    for (const r of records().conn) writer.append(r);
    writer.flush();
    expect((await runDetectors(store)).alerts.map((a) => a.detector).sort()).toEqual(['exfiltration', 'port_scan']);
    await store.close();
  });
});
