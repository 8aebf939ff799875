import { describe, expect, it } from 'vitest';
import { openStore } from '../store/duckdb.js';
import { connSchema } from '../store/schema/conn.js';
import { MAX_STORE_POINTS, StoreDashboard } from './store-dashboard.js';

const T0 = 1_700_000_000;

describe('StoreDashboard', () => {
  it('sums packets and bytes per bucket, by protocol and by sending host, over the stored connections', async () => {
    const store = await openStore(':memory:');
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    const conn = (ts: number, orig: string, resp: string, proto: string, origPkts: number, respPkts: number): void => w.append({
      ts, uid: `C${ts}${orig}`, id_orig_h: orig, id_orig_p: 40000, id_resp_h: resp, id_resp_p: 80, proto, duration: 1,
      orig_pkts: origPkts, orig_ip_bytes: origPkts * 100, resp_pkts: respPkts, resp_ip_bytes: respPkts * 1000,
    });
    conn(T0, '10.0.0.1', '10.0.0.2', 'tcp', 3, 2);
    conn(T0 + 0.5, '10.0.0.1', '10.0.0.3', 'udp', 1, 1);
    conn(T0 + 2, '10.0.0.4', '10.0.0.2', 'tcp', 10, 0);
    w.flush();
    const s = await new StoreDashboard(store).snapshot();
    await store.close();
    expect(s).toMatchObject({ mode: 'store', ended: true, alerts: [], incidents: [], totals: { packets: 17, bytes: 2300 + 1100 + 1000 } });
    expect(s.series).toEqual([{ ts: T0, packetsPerSec: 7, bytesPerSec: 3400 }, { ts: T0 + 2, packetsPerSec: 10, bytesPerSec: 1000 }]);
    expect(s.protocols).toEqual({ tcp: 15, udp: 2 });
    expect(s.topTalkers).toEqual([
      { ip: '10.0.0.2', packets: 2, bytes: 2000 }, { ip: '10.0.0.3', packets: 1, bytes: 1000 },
      { ip: '10.0.0.4', packets: 10, bytes: 1000 }, { ip: '10.0.0.1', packets: 4, bytes: 400 },
    ]);
  });

  it('widens the buckets of a long capture to at most MAX_STORE_POINTS points, and copes with an empty store', async () => {
    const store = await openStore(':memory:');
    expect((await new StoreDashboard(store).snapshot()).series).toEqual([]);
    const w = store.writer(connSchema);
    for (let i = 0; i < 5000; i++) w.append({ ts: T0 + i * 7, uid: `C${i}`, id_orig_h: '10.0.0.1', id_resp_h: '10.0.0.2', proto: 'tcp', orig_pkts: 1, resp_pkts: 1 });
    w.flush();
    const { series } = await new StoreDashboard(store).snapshot();
    await store.close();
    expect(series.length).toBeLessThanOrEqual(MAX_STORE_POINTS);
    expect(series.length).toBeGreaterThan(MAX_STORE_POINTS / 2);
    expect(series.reduce((n, p) => n + p.packetsPerSec * (series[1].ts - series[0].ts), 0)).toBeCloseTo(10_000);
  });
});
