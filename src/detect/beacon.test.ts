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

  it('scores check-ins inside one long-lived connection from its bursts, keyed by the connection', async () => {
    const bursts = Array.from({ length: 30 }, (_, i) => i * 15 + (i % 3) * 0.02);
    const long = conn({ uid: 'QUIC1', proto: 'udp', id_resp_h: '198.51.100.23', id_resp_p: 443, duration: 450, local_resp: false, bursts, burst_bytes: bursts.map(() => 120) });
    const store = await storeWith({ conn: [long] });
    const [alert, ...rest] = await runSqlDetector(store, beacon, params);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ src: '10.0.0.5', dst: ['198.51.100.23'] });
    expect(alert.evidence).toMatchObject({ connections: 30, flow: 'QUIC1', timing_score: 1, uids: ['QUIC1'] });
    expect(alert.explanation).toContain('30 bursts to 198.51.100.23 inside one connection (QUIC1) every ~15 s');
    await store.close();
  });

  it('does not score irregular bursts (interactive use of a long session)', async () => {
    const gaps = [3, 40, 7, 90, 1.5, 120, 33, 5, 60, 2, 45, 250, 8];
    let t = 0;
    const bursts = gaps.map((g) => (t += g));
    const store = await storeWith({ conn: [conn({ uid: 'SSH1', id_resp_p: 22, duration: t + 1, bursts, burst_bytes: gaps.map((g) => 100 + g * 37) })] });
    expect(await runSqlDetector(store, beacon, params)).toEqual([]);
    await store.close();
  });

  it('counts connections opened together (within min_interval_s) as one check-in', async () => {
    const pairs = checkIns(40, (i) => (i % 2 ? 0.3 : 30));
    const store = await storeWith({ conn: pairs });
    const [alert, ...rest] = await runSqlDetector(store, beacon, params);
    expect(rest).toEqual([]);
    expect(alert.evidence).toMatchObject({ connections: 40, checkins: 20, timing_score: 1 });
    expect(alert.evidence.median_interval).toBeCloseTo(30.3, 5);
    expect(alert.explanation).toContain('40 times in 20 check-ins every ~30.3 s');
    await store.close();
  });

  it('does not take bursts of many connections for check-ins (a scan, then guessing rounds)', async () => {
    let t = T0;
    const rounds = Array.from({ length: 6 }, (_, r) => Array.from({ length: r === 0 ? 1000 : 4 }, (_, i) => (t += i === 0 ? (r === 0 ? 0 : 5) : 0.001))).flat();
    const store = await storeWith({ conn: rounds.map((ts, i) => conn({ ts, uid: `S${i}`, id_resp_h: '198.51.100.23', id_resp_p: i < 1000 ? i + 1 : 22, local_resp: false })) });
    expect(await runSqlDetector(store, beacon, params)).toEqual([]);
    expect(await runSqlDetector(store, beacon, { ...params, max_checkin_connections: 1000 })).toHaveLength(1);
    await store.close();
  });

  it('needs min_connections', async () => {
    const store = await storeWith({ conn: checkIns(3, () => 60) });
    expect(await runSqlDetector(store, beacon, params)).toEqual([]);
    await store.close();
  });
});
