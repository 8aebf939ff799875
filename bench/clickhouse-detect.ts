/**
 * Detection time over the same stored connections on each store:
 * `npx tsx bench/clickhouse-detect.ts [connections=10000000]` (needs TRACER_CLICKHOUSE_URL).
 * Synthesizes the rows once into bench/data/detect-N.duckdb (the mix bench/detect.bench.ts uses:
 * 2,000 internal hosts, 50,000 external peers, scans, failures and long connections, plus DNS
 * and HTTP at a tenth), copies them into a fresh ClickHouse database through the ClickHouse
 * writer (the insert throughput), then runs every detector on each store and checks the alerts match.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runDetectors } from '../src/detect/index.js';
import { openStoreFromUrl } from '../src/store/clickhouse/open.js';
import { dropClickHouseDatabase, freshClickHouseUrl, TEST_URL_ENV } from '../src/store/clickhouse/testing.js';
import { analysisStore } from '../src/store/dialect.js';
import { openStore, type Store } from '../src/store/duckdb.js';
import { allSchemas } from '../src/store/schema/index.js';
import type { LogRecord } from '../src/store/schema/types.js';

if (!process.env[TEST_URL_ENV]) throw new Error(`${TEST_URL_ENV} is not set: run scripts/clickhouse-local.sh start and export the URL it prints`);
const total = Number(process.argv[2] ?? 10_000_000);
const dataDir = join('bench', 'data');
mkdirSync(dataDir, { recursive: true });
const duckPath = join(dataDir, `detect-${total}.duckdb`);

async function synthesize(store: Store): Promise<void> {
  for (const schema of allSchemas) await store.ensure(schema);
  // Deterministic pseudo-random columns from the row number (hash), as in bench/detect.bench.ts.
  await store.run(`INSERT INTO conn (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, service, duration, orig_bytes, resp_bytes,
      conn_state, local_orig, local_resp, history, orig_pkts, orig_ip_bytes, resp_pkts, resp_ip_bytes, open_at_end)
    SELECT 1767225600 + i * (86400.0 / ${total}), 'C' || i, '10.' || (hash(i, 1) % 8) || '.' || (hash(i, 2) % 250) || '.1', 1024 + hash(i, 3) % 60000,
      CASE WHEN i % 10 = 0 THEN '10.0.0.' || (hash(i, 4) % 250) ELSE (hash(i, 5) % 200 + 11) || '.' || (hash(i, 6) % 250) || '.' || (hash(i, 7) % 250) || '.9' END,
      [80, 443, 53, 22, 25, 8080, 3389, 445][(hash(i, 8) % 8)::BIGINT + 1] + CASE WHEN i % 97 = 0 THEN hash(i, 9) % 1000 ELSE 0 END,
      CASE WHEN i % 5 = 0 THEN 'udp' ELSE 'tcp' END, NULL,
      CASE WHEN i % 50000 = 0 THEN 7200 ELSE (hash(i, 10) % 5000) / 100.0 END,
      CASE WHEN i % 13 = 0 THEN 0 ELSE hash(i, 11) % 5000 END, CASE WHEN i % 13 = 0 THEN 0 ELSE hash(i, 12) % 50000 END,
      CASE WHEN i % 13 = 0 THEN 'S0' ELSE 'SF' END, true, i % 10 = 0, CASE WHEN i % 13 = 0 THEN 'S' ELSE 'ShADadFf' END,
      5, 500, 5, 5000, false
    FROM range(${total}) t(i)`);
  await store.run(`INSERT INTO dns (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, query, qtype)
    SELECT 1767225600 + i * (864000.0 / ${total}), 'D' || i, '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '10.0.0.53', 53, 'udp',
      'h' || (hash(i, 2) % 5000) || '.site' || (hash(i, 3) % 3000) || '.com', 1 FROM range(${total / 10}) t(i)`);
  await store.run(`INSERT INTO http (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, method, host, uri)
    SELECT 1767225600 + i * (864000.0 / ${total}), 'C' || (i * 3), '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '93.184.216.34', 80, 'GET',
      'www' || (hash(i, 2) % 2000) || '.example.com', '/page/' || (hash(i, 3) % 10000) || '?q=' || (hash(i, 4) % 100) FROM range(${total / 10}) t(i)`);
}

function seconds(t0: number): number {
  return (performance.now() - t0) / 1000;
}

if (!existsSync(duckPath)) {
  const t0 = performance.now();
  const s = await openStore(duckPath);
  await synthesize(s);
  await s.close();
  console.log(`synthesized ${total} connections into ${duckPath} in ${seconds(t0).toFixed(1)} s`);
}

const duck = await openStore(duckPath);
let t0 = performance.now();
const duckReport = await runDetectors(duck);
const duckDetect = seconds(t0);
console.log(`duckdb: all detectors over ${total} connections: ${duckDetect.toFixed(1)} s, ${duckReport.alerts.length} alerts`);

const url = freshClickHouseUrl('bench_detect');
const ch = await openStoreFromUrl(url);
try {
  t0 = performance.now();
  let rows = 0;
  for (const schema of allSchemas) {
    await ch.ensure(schema);
    if (!['conn', 'dns', 'http'].includes(schema.name)) continue;
    const writer = ch.writer(schema);
    for await (const chunk of duck.stream(`SELECT * FROM ${schema.name}`)) for (const r of chunk) { writer.append(r as LogRecord); rows++; }
    writer.flush();
  }
  await ch.run('SELECT 1');
  const insert = seconds(t0);
  console.log(`clickhouse: inserted ${rows} rows in ${insert.toFixed(1)} s (${Math.round(rows / insert)} rows/s)`);
  t0 = performance.now();
  const analysis = await analysisStore(ch);
  const copy = seconds(t0);
  const chReport = await runDetectors(analysis.engine);
  const chTotal = seconds(t0);
  await analysis.release();
  console.log(`clickhouse: all detectors over ${total} connections: ${chTotal.toFixed(1)} s (reading the streams ${copy.toFixed(1)} s, detectors ${(chTotal - copy).toFixed(1)} s), ${chReport.alerts.length} alerts`);
  const same = JSON.stringify(chReport.alerts) === JSON.stringify(duckReport.alerts);
  console.log(`alerts identical: ${same}`);
} finally {
  await ch.close();
  await duck.close();
  await dropClickHouseDatabase(url);
}
