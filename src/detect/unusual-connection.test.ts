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
});
