import { describe, expect, it } from 'vitest';
import { beacon } from './beacon.js';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.beacon;

/** `n` check-ins from 10.0.0.5 to 198.51.100.23:443 at `interval(i)` seconds, 300 bytes each (± `sizeJitter(i)`). */
function checkIns(n: number, interval: (i: number) => number, sizeJitter: (i: number) => number = () => 0) {
  let t = T0;
  return Array.from({ length: n }, (_, i) => conn({ ts: (t += interval(i)), uid: `B${i}`, id_resp_h: '198.51.100.23', id_resp_p: 443, orig_bytes: 300 + sizeJitter(i), local_resp: false }));
}

describe('beacon detector', () => {
  it('scores a steady 60 s check-in high, per address and per TLS SNI', async () => {
    const conns = checkIns(40, () => 60);
    const ssl = conns.map((c) => ({ ts: c.ts, uid: c.uid, id_orig_h: c.id_orig_h, id_orig_p: 50000, id_resp_h: c.id_resp_h, id_resp_p: 443, server_name: 'cdn.example.net' }));
    const store = await storeWith({ conn: conns, ssl });
    const alerts = await runSqlDetector(store, beacon, params);
    expect(alerts.map((a) => a.dst[0]).sort()).toEqual(['198.51.100.23', 'cdn.example.net']);
    expect(alerts[0].score).toBeGreaterThan(0.9);
    expect(alerts[0].evidence).toMatchObject({ connections: 40, median_interval: 60 });
    await store.close();
  });

  it('does not score irregular browsing (random gaps and sizes)', async () => {
    const gaps = [3, 400, 7, 90, 1, 1200, 33, 5, 600, 2, 45, 2500, 8, 70, 300];
    const store = await storeWith({ conn: checkIns(gaps.length, (i) => gaps[i], (i) => (i * 7919) % 20000) });
    expect(await runSqlDetector(store, beacon, params)).toEqual([]);
    await store.close();
  });

  it('needs min_connections', async () => {
    const store = await storeWith({ conn: checkIns(3, () => 60) });
    expect(await runSqlDetector(store, beacon, params)).toEqual([]);
    await store.close();
  });
});
