import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';
import { trafficSpike } from './traffic-spike.js';

const params = DEFAULT_CONFIG.detectors.traffic_spike;

/** `perMinute(m)` connections from 10.0.0.5 in each of 30 minutes. */
function steady(perMinute: (minute: number) => number) {
  return Array.from({ length: 30 }, (_, m) => Array.from({ length: perMinute(m) }, (_, i) => conn({ ts: T0 + m * 60 + i, uid: `S${m}-${i}` }))).flat();
}

describe('traffic spike detector', () => {
  it('flags the minute a new host opens 300 connections, naming it', async () => {
    const burst = Array.from({ length: 300 }, (_, i) => conn({ ts: T0 + 20 * 60 + i / 10, uid: `B${i}`, id_orig_h: '10.0.0.99', id_resp_h: `10.0.1.${i % 200}` }));
    const store = await storeWith({ conn: [...steady(() => 10), ...burst] });
    const [alert, ...rest] = await runSqlDetector(store, trafficSpike, params);
    expect(rest).toEqual([]);
    expect(alert.src).toBe('10.0.0.99');
    expect(alert.firstSeen).toBe(T0 + 20 * 60);
    expect(alert.evidence).toMatchObject({ new_talker: true, talker_connections: 300, talker_peers: 200 });
    expect(alert.explanation).toContain('310 connections (median 10)');
    await store.close();
  });

  it('stays quiet for ordinary variation and for too little history', async () => {
    const store = await storeWith({ conn: steady((m) => 8 + ((m * 5) % 7)) });
    expect(await runSqlDetector(store, trafficSpike, params)).toEqual([]);
    await store.close();
    const short = await storeWith({ conn: [...steady(() => 1).slice(0, 5), ...Array.from({ length: 100 }, (_, i) => conn({ ts: T0 + 400 + i / 10, uid: `X${i}` }))] });
    expect(await runSqlDetector(short, trafficSpike, params)).toEqual([]);
    await short.close();
  });

  it('flags a shift in the protocol mix that leaves the total unremarkable', async () => {
    // Every minute 20 web connections and 2 DNS lookups; in minute 20, 8 web and 14 DNS: same total, seven times the DNS.
    const minute = (m: number) => {
      const dns = m === 20 ? 14 : 2;
      return Array.from({ length: 22 }, (_, i) => conn({
        ts: T0 + m * 60 + i, uid: `M${m}-${i}`, ...(i < dns ? { proto: 'udp', service: 'dns', id_resp_p: 53 } : { service: 'http' }),
      }));
    };
    const store = await storeWith({ conn: Array.from({ length: 30 }, (_, m) => minute(m)).flat() });
    const [alert, ...rest] = await runSqlDetector(store, trafficSpike, params);
    await store.close();
    expect(rest).toEqual([]);
    expect(alert.firstSeen).toBe(T0 + 20 * 60);
    expect(alert.evidence.measures).toEqual(['dns connections']);
    expect(alert.explanation).toContain('14 dns connections (median 2)');
  });
});
