import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import { loginFailures } from './login-failures.js';
import { runSqlDetector } from './sql-detector.js';
import { storeWith, T0 } from './testing/store.js';

/** `n` failed FTP logins (530) from 10.0.0.66, `gap` seconds apart. */
function failures(n: number, gap: number) {
  return Array.from({ length: n }, (_, i) => ({ ts: T0 + i * gap, uid: `F${i}`, id_orig_h: '10.0.0.66', id_orig_p: 40000 + i, id_resp_h: '10.0.0.21', id_resp_p: 21, command: 'PASS', reply_code: 530 }));
}

describe('login failures detector', () => {
  it('fires at 20 failed FTP logins in 15 minutes (Zeek FTP::Bruteforcing)', async () => {
    const store = await storeWith({ ftp: failures(20, 2) });
    const [alert] = await runSqlDetector(store, loginFailures, DEFAULT_CONFIG.detectors.login_failures);
    expect(alert.evidence).toMatchObject({ service: 'ftp', failures: 20, peak: 20 });
    await store.close();
  });

  it('does not fire on 19, nor on 40 spread one per minute over 40 minutes', async () => {
    for (const rows of [failures(19, 2), failures(40, 60)]) {
      const store = await storeWith({ ftp: rows });
      expect(await runSqlDetector(store, loginFailures, DEFAULT_CONFIG.detectors.login_failures)).toEqual([]);
      await store.close();
    }
  });
});
