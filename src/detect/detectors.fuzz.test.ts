import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/duckdb.js';
import { runDetectors } from './run.js';
import { storeWith, T0 } from './testing/store.js';

/** Fuzzing time budget in seconds. */
const seconds = Number(process.env.FUZZ_SECONDS ?? 3);

/** Text as traffic carries it: any code points, percent escapes (valid or not), dots, quotes and control characters. */
const trafficText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom('%', 'ff', 'e2', '82', '27', '.', '/', '..', "'", '"', '\\', '\0', '\x1b', 'a', '-', '$', '(', '?', '='), { maxLength: 40 }).map((p) => p.join('')),
);

describe('detectors on attacker-controlled strings', () => {
  let store: Store;
  beforeAll(async () => { store = await storeWith({}); });
  afterAll(async () => { await store.close(); });

  it('never throw and give sane alerts for any URI, Host, query name or FTP argument', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(trafficText, trafficText, fc.integer({ min: 0, max: 65535 })), { minLength: 1, maxLength: 12 }), async (rows) => {
      for (const table of ['http', 'dns', 'ftp', 'alerts']) await store.run(`DELETE FROM ${table}`);
      const http = store.writer((await import('../store/schema/http.js')).httpSchema);
      const dns = store.writer((await import('../store/schema/dns.js')).dnsSchema);
      const ftp = store.writer((await import('../store/schema/ftp.js')).ftpSchema);
      rows.forEach(([a, b, n], i) => {
        const common = { ts: T0 + i, uid: `F${i}`, id_orig_h: '10.0.0.5', id_orig_p: 40000, id_resp_h: '10.0.0.9', id_resp_p: n };
        http.append({ ...common, method: 'GET', host: b, uri: a, status_code: 401, username: b });
        dns.append({ ...common, query: a, qtype: n % 256 });
        ftp.append({ ...common, command: 'PASS', arg: a, reply_code: 530 });
      });
      for (const w of [http, dns, ftp]) w.flush();
      const { alerts } = await runDetectors(store);
      for (const alert of alerts) {
        expect(alert.score).toBeGreaterThanOrEqual(0);
        expect(alert.score).toBeLessThanOrEqual(1);
        expect(alert.explanation.length).toBeGreaterThan(0);
      }
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });
});
