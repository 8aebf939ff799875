import { describe, expect, it } from 'vitest';
import { bruteForce } from './brute-force.js';
import { DEFAULT_CONFIG } from './config.js';
import { runSqlDetector } from './sql-detector.js';
import { conn, storeWith, T0 } from './testing/store.js';

const params = DEFAULT_CONFIG.detectors.brute_force;

/** `n` short SSH sessions from 10.0.0.66 to 10.0.0.9:22, 20 s apart, with their ssh.log rows. */
function guesses(n: number, attempts: number) {
  const conns = Array.from({ length: n }, (_, i) => conn({ ts: T0 + i * 20, uid: `G${i}`, id_orig_h: '10.0.0.66', id_resp_p: 22, duration: 4, orig_bytes: 1100 + (i % 3), resp_bytes: 1500 }));
  const ssh = conns.map((c) => ({ ts: c.ts, uid: c.uid, id_orig_h: c.id_orig_h, id_orig_p: 50000, id_resp_h: c.id_resp_h, id_resp_p: 22, auth_attempts: attempts, auth_success: false }));
  return { conn: conns, ssh };
}

describe('brute force detector', () => {
  it('fires on 10 short similar SSH sessions and counts the guesses', async () => {
    const store = await storeWith(guesses(10, 3));
    const [alert] = await runSqlDetector(store, bruteForce, params);
    expect(alert.src).toBe('10.0.0.66');
    expect(alert.evidence).toMatchObject({ port: 22, connections: 10, guesses: 30, success: false });
    await store.close();
  });

  it('does not fire on 9 sessions with 18 guesses', async () => {
    const store = await storeWith(guesses(9, 2));
    expect(await runSqlDetector(store, bruteForce, params)).toEqual([]);
    await store.close();
  });

  it('infers success from a much longer session that follows', async () => {
    const records = guesses(12, 1);
    records.conn.push(conn({ ts: T0 + 400, uid: 'WIN', id_orig_h: '10.0.0.66', id_resp_p: 22, duration: 300, orig_bytes: 9000, resp_bytes: 90000 }));
    const store = await storeWith(records);
    const [alert] = await runSqlDetector(store, bruteForce, params);
    expect(alert.severity).toBe('high');
    expect(alert.evidence).toMatchObject({ success: true, success_uids: ['WIN'] });
    await store.close();
  });
});
