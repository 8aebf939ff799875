import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';
import { unusualConnection } from './unusual-connection.js';

const params = DEFAULT_CONFIG.detectors.unusual_connection;

describe('unusual connection detector', () => {
  it('reports FTP on a non-standard port, cleartext FTP login, a malware port and Telnet', async () => {
    const store = await storeWith({
      conn: [conn({ uid: 'F', id_resp_p: 8884, service: 'ftp' }), conn({ uid: 'M', id_resp_p: 4444 }), conn({ uid: 'T', id_resp_p: 23 }), conn({ uid: 'OK', id_resp_p: 80, service: 'http' })],
      ftp: [{ ts: T0, uid: 'F', id_orig_h: '10.0.0.5', id_orig_p: 50000, id_resp_h: '10.0.0.9', id_resp_p: 8884, command: 'PASS', arg: '****' }],
    });
    const kinds = (await runSqlDetector(store, unusualConnection, params)).map((a) => `${a.evidence.kind}:${a.evidence.detail}`).sort();
    expect(kinds).toEqual(['cleartext_auth:ftp', 'cleartext_auth:telnet', 'nonstandard_port:ftp on port 8884', 'suspicious_port:tcp port 4444']);
    await store.close();
  });

  it('reports fan-out to 50 external peers, not to 49', async () => {
    const fan = (n: number, src: string) => Array.from({ length: n }, (_, i) => conn({ uid: `${src}${i}`, id_orig_h: src, id_resp_h: `203.0.113.${i + 1}`, local_resp: false }));
    const store = await storeWith({ conn: [...fan(50, '10.0.0.5'), ...fan(49, '10.0.0.6')] });
    const alerts = await runSqlDetector(store, unusualConnection, params);
    expect(alerts.map((a) => [a.src, a.evidence.kind])).toEqual([['10.0.0.5', 'fan_out']]);
    await store.close();
  });

  it('reports a rare external peer only one of many internal hosts keeps talking to', async () => {
    /** `hosts` internal hosts each talking once to a popular site, and 10.0.1.1 talking `n` times to 198.51.100.7. */
    const office = (hosts: number, n: number) => [
      ...Array.from({ length: hosts }, (_, i) => conn({ uid: `P${i}`, id_orig_h: `10.0.1.${i + 1}`, id_resp_h: '93.184.216.34', local_resp: false })),
      ...Array.from({ length: n }, (_, i) => conn({ ts: T0 + i * 60, uid: `R${i}`, id_orig_h: '10.0.1.1', id_resp_h: '198.51.100.7', local_resp: false })),
    ];
    const rare = async (hosts: number, n: number) => {
      const store = await storeWith({ conn: office(hosts, n) });
      const alerts = (await runSqlDetector(store, unusualConnection, params)).filter((a) => a.evidence.kind === 'rare_peer');
      await store.close();
      return alerts;
    };
    const [alert, ...rest] = await rare(10, 5);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ src: '10.0.1.1', dst: ['198.51.100.7'], severity: 'info' });
    expect(alert.explanation).toBe('10.0.1.1 kept up a rare contact with 198.51.100.7 (the only one of 10 internal hosts talking to it, 5 connection(s)).');
    expect(await rare(10, 4)).toEqual([]);
    expect(await rare(9, 5)).toEqual([]);
  });

  it('reports first-seen external peers of the newest capture against the earlier ones, given an hour of history', async () => {
    const DAY = 86_400;
    /** Capture 1 at T0 (10.0.1.1 and 10.0.1.2 reach the usual site), capture 2 `later` seconds on (10.0.1.1 reaches it and a new host). */
    const run = async (later: number, captures = 2) => {
      const ingests = [{ id: 1, input: 'monday.pcap', packets: 100, first_ts: T0, last_ts: T0 + 600 }, { id: 2, input: 'tuesday.pcap', packets: 100, first_ts: T0 + later, last_ts: T0 + later + 600 }];
      const store = await storeWith({
        ingests: ingests.slice(0, captures),
        conn: [
          conn({ uid: 'A1', id_orig_h: '10.0.1.1', id_resp_h: '93.184.216.34', local_resp: false }),
          conn({ uid: 'A2', id_orig_h: '10.0.1.2', id_resp_h: '93.184.216.34', local_resp: false }),
          conn({ ts: T0 + later + 5, uid: 'B1', id_orig_h: '10.0.1.1', id_resp_h: '93.184.216.34', local_resp: false }),
          conn({ ts: T0 + later + 9, uid: 'B2', id_orig_h: '10.0.1.1', id_resp_h: '203.0.113.9', local_resp: false }),
        ],
      });
      const alerts = (await runSqlDetector(store, unusualConnection, params)).filter((a) => a.evidence.kind === 'first_seen');
      await store.close();
      return alerts;
    };
    const [alert, ...rest] = await run(DAY);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ src: '10.0.1.1', dst: ['203.0.113.9'], severity: 'info', evidence: { uids: ['B2'] } });
    expect(alert.explanation).toContain('1 external peer(s) no host reached in the 1 earlier capture(s)');
    expect(await run(600)).toEqual([]);
    expect(await run(DAY, 1)).toEqual([]);
  });
});
