import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type DetectorParams } from '../../detect/config.js';
import { DETECTORS } from '../../detect/detectors.js';
import { detectorSql } from '../../detect/sql-detector.js';
import { createAnalysisViews } from '../../detect/views.js';
import { T0 } from '../../detect/testing/store.js';
import { clearTable } from '../dialect.js';
import { openStore, type Store } from '../duckdb.js';
import { dnsSchema } from '../schema/dns.js';
import { ftpSchema } from '../schema/ftp.js';
import { httpSchema } from '../schema/http.js';
import { allSchemas } from '../schema/index.js';
import { openStoreFromUrl } from './open.js';
import { firstDifference } from './testing/compare.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from './testing/test-server.js';

/** Runs: a fixed 15 (every detector then has rows to compare, however loaded the machine), or as many as FUZZ_SECONDS allows. */
const runs = process.env.FUZZ_SECONDS ? { interruptAfterTimeLimit: Number(process.env.FUZZ_SECONDS) * 1000, numRuns: 1_000_000 } : { numRuns: 15 };

/**
 * Text as traffic carries it: any code points, percent escapes (valid or not), dots, quotes, case and control
 * characters; Ɦ and İ change their UTF-8 length when lowercased, where the two stores' lower() once disagreed.
 */
const trafficText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom('%', 'ff', 'C3%A9', 'e2', '82', '27', '.', '/', '..', "'", '"', '\\', '\0', '\x1b', 'a', 'É', 'Σ', 'Ɦ', 'İ', '-', '$', '(', '?', '=', '+', ' OR 1=1', 'x.com'), { maxLength: 30 }).map((p) => p.join('')),
);

/** The detectors that read the fuzzed streams, at thresholds low enough for a dozen rows to fire. */
const FUZZED = ['web_attack', 'dns_tunnel', 'login_failures', 'unusual_connection', 'beacon', 'c2_checkin'];
const LOW: Record<string, number> = { min_unique: 1, min_queries: 1, min_odd_ratio: 0, min_failures: 1, min_connections: 1, min_score: 0, min_interval_s: 0, min_requests: 1 };
const params = (name: string): DetectorParams =>
  Object.fromEntries(Object.entries(DEFAULT_CONFIG.detectors[name]).map(([k, v]) => [k, LOW[k] ?? v]));

if (clickhouseSkipReason) console.warn(`skipping the ClickHouse detection fuzz test: ${clickhouseSkipReason}`);

describe.skipIf(clickhouseSkipReason !== null)('ClickHouse detector SQL on attacker-controlled strings', () => {
  const url = freshClickHouseUrl('fuzz');
  let duck: Store;
  let ch: Store;
  beforeAll(async () => {
    duck = await openStore(':memory:');
    ch = await openStoreFromUrl(url);
    for (const store of [duck, ch]) {
      for (const schema of allSchemas) await store.ensure(schema);
      await createAnalysisViews(store);
    }
  });
  afterAll(async () => {
    await duck?.close();
    await ch?.close();
    await dropClickHouseDatabase(url);
  });

  it('gives the DuckDB rows for any URI, Host, method, query name or FTP argument', async () => {
    const detectors = DETECTORS.filter((d) => FUZZED.includes(d.name));
    expect(detectors.map((d) => d.name).sort()).toEqual(FUZZED.filter((n) => DEFAULT_CONFIG.detectors[n]).sort());
    const found = new Map<string, number>();
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(trafficText, trafficText, fc.integer({ min: 0, max: 65535 })), { minLength: 1, maxLength: 12 }), async (rows) => {
      for (const store of [duck, ch]) {
        for (const schema of [httpSchema, dnsSchema, ftpSchema]) await clearTable(store, schema);
        const [http, dns, ftp] = [httpSchema, dnsSchema, ftpSchema].map((s) => store.writer(s));
        rows.forEach(([a, b, n], i) => {
          const common = { ts: T0 + i * 7.5, uid: `F${i % 5}`, id_orig_h: `10.0.0.${i % 3}`, id_orig_p: 40000, id_resp_h: '10.0.0.9', id_resp_p: n };
          http.append({ ...common, method: i % 4 === 0 ? null : i % 2 ? 'POST' : b.slice(0, 6), host: i % 2 ? b : 'C2.example', uri: i % 3 ? a : '/gate.php?id=1', status_code: 401, username: b, request_body_len: n % 300 });
          dns.append({ ...common, query: a, qtype: n % 20 });
          ftp.append({ ...common, command: 'PASS', arg: a, reply_code: 530 });
        });
        for (const w of [http, dns, ftp]) w.flush();
      }
      for (const d of detectors) {
        const [a, b] = await Promise.all([duck.all(detectorSql(d.file), params(d.name)), ch.all(detectorSql(d.file, 'clickhouse'), params(d.name))]);
        expect(firstDifference(a, b), `${d.name} on ${JSON.stringify(rows)}`).toBeNull();
        found.set(d.name, (found.get(d.name) ?? 0) + a.length);
      }
    }), { ...runs, examples: [[[['', '', 0], ['', 'Ɦ', 0]]], [[['İ.X.COM', 'WWW.İ.COM', 53], ['İ.X.COM', 'WWW.İ.COM', 53]]]] });
    for (const d of detectors) expect(found.get(d.name), `${d.name} gave rows to compare`).toBeGreaterThan(0);
  }, 120_000);
});
