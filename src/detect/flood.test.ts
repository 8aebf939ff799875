import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { flood } from './flood.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.flood;

/** `n` one-packet half-open SYNs to 10.0.0.9:80 within `seconds`, from `sources` distinct addresses. */
function syns(n: number, seconds: number, sources: number) {
  return Array.from({ length: n }, (_, i) => conn({
    ts: T0 + (i * seconds) / n, uid: `S${i}`, id_orig_h: `198.18.${(i % sources) >> 8}.${(i % sources) & 255}`, id_orig_p: 1024 + i,
    orig_bytes: 0, resp_bytes: 0, resp_pkts: 0, orig_pkts: 1, orig_ip_bytes: 40, resp_ip_bytes: 0, history: 'S', conn_state: 'S0',
  }));
}

describe('flood detector', () => {
  it('finds a spoofed SYN flood with its peak rate and victim', async () => {
    const store = await storeWith({ conn: syns(3000, 2, 1500) });
    const [alert] = await runSqlDetector(store, flood, params);
    expect(alert.dst).toEqual(['10.0.0.9']);
    expect(alert.evidence).toMatchObject({ kind: 'syn_flood', packets: 3000, sources: 1500, spoofed: true, peak_pps: 1500 });
    await store.close();
  });

  it('does not fire on the same packets spread too thin (under min_pps)', async () => {
    const store = await storeWith({ conn: syns(1500, 30, 10) });
    expect(await runSqlDetector(store, flood, params)).toEqual([]);
    await store.close();
  });

  it('finds DNS amplification onto one victim from many reflectors', async () => {
    const replies = Array.from({ length: 40 }, (_, i) => conn({
      ts: T0 + i, uid: `A${i}`, proto: 'udp', id_orig_h: '10.0.0.9', id_orig_p: 22, id_resp_h: `203.0.113.${i + 1}`, id_resp_p: 53,
      orig_pkts: 0, orig_ip_bytes: 0, orig_bytes: 0, resp_pkts: 10, resp_ip_bytes: 40_000, resp_bytes: 39_000, history: '^d', conn_state: 'SHR',
    }));
    const store = await storeWith({ conn: replies });
    const [alert] = await runSqlDetector(store, flood, params);
    expect(alert.dst).toEqual(['10.0.0.9']);
    expect(alert.evidence).toMatchObject({ kind: 'amplification', sources: 40, bytes: 1_600_000 });
    await store.close();
  });
});
