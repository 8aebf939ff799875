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
});
