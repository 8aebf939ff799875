/**
 * Detection time over the same stored connections on each store:
 * `npx tsx bench/clickhouse-detect.ts [connections=10000000] [--mirror]` (needs TRACER_CLICKHOUSE_URL).
 * Synthesizes the rows inside ClickHouse (the mix of bench/detect.bench.ts: 2,000 internal hosts,
 * 50,000 external peers, scans, failures and long connections, plus DNS and HTTP at a tenth),
 * copies them into bench/data/detect-ch-N.duckdb (so both stores hold exactly the same values),
 * then runs every detector on DuckDB and natively on ClickHouse (ClickHouse SQL, no copy) and
 * compares the alerts. With --mirror it also times the old way: an in-memory DuckDB copy of the
 * ClickHouse streams, then the DuckDB SQL on it. --native-only skips the DuckDB copy and run.
 * KEEP=1 keeps both stores for a closer look.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Alert } from '../src/detect/alert.js';
import { DEFAULT_CONFIG } from '../src/detect/config.js';
import { DETECTORS } from '../src/detect/detectors.js';
import { createAnalysisViews, runDetectors } from '../src/detect/index.js';
import { runSqlDetector } from '../src/detect/sql-detector.js';
import { mirrorToDuckDB } from '../src/store/clickhouse/mirror.js';
import { openStoreFromUrl } from '../src/store/clickhouse/open.js';
import type { ClickHouseStore } from '../src/store/clickhouse/store.js';
import { dropClickHouseDatabase, freshClickHouseUrl, TEST_URL_ENV } from '../src/store/clickhouse/testing/test-server.js';
import { analysisStore } from '../src/store/dialect.js';
import { openStore } from '../src/store/duckdb.js';
import { allSchemas } from '../src/store/schema/index.js';

if (!process.env[TEST_URL_ENV]) throw new Error(`${TEST_URL_ENV} is not set: run scripts/clickhouse-local.sh start and export the URL it prints`);
const args = process.argv.slice(2);
const total = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000_000);
const withMirror = args.includes('--mirror');
const nativeOnly = args.includes('--native-only');
const duckPath = join('bench', 'data', `detect-ch-${total}.duckdb`);

/** Rows generated server-side from the row number (cityHash64 for DuckDB's hash), in batch order. */
async function synthesize(ch: ClickHouseStore): Promise<void> {
  const h = (k: number): string => `cityHash64(number, ${k})`;
  await ch.run(`INSERT INTO conn (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, service, duration, orig_bytes, resp_bytes,
      conn_state, local_orig, local_resp, history, orig_pkts, orig_ip_bytes, resp_pkts, resp_ip_bytes, open_at_end, _batch, _row)
    SELECT 1767225600 + number * (86400.0 / ${total}), concat('C', toString(number)),
      concat('10.', toString(${h(1)} % 8), '.', toString(${h(2)} % 250), '.1'), toInt32(1024 + ${h(3)} % 60000),
      if(number % 10 = 0, concat('10.0.0.', toString(${h(4)} % 250)),
         concat(toString(${h(5)} % 200 + 11), '.', toString(${h(6)} % 250), '.', toString(${h(7)} % 250), '.9')),
      toInt32([80, 443, 53, 22, 25, 8080, 3389, 445][${h(8)} % 8 + 1] + if(number % 97 = 0, ${h(9)} % 1000, 0)),
      if(number % 5 = 0, 'udp', 'tcp'), NULL, if(number % 50000 = 0, 7200, (${h(10)} % 5000) / 100.0),
      toInt64(if(number % 13 = 0, 0, ${h(11)} % 5000)), toInt64(if(number % 13 = 0, 0, ${h(12)} % 50000)),
      if(number % 13 = 0, 'S0', 'SF'), 1, number % 10 = 0, if(number % 13 = 0, 'S', 'ShADadFf'),
      toInt64(5), toInt64(500), toInt64(5), toInt64(5000), 0, 'gen', toUInt32(number)
    FROM numbers(${total})`);
  await ch.run(`INSERT INTO dns (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, query, qtype, _batch, _row)
    SELECT 1767225600 + number * (864000.0 / ${total}), concat('D', toString(number)), concat('10.0.', toString(${h(1)} % 250), '.1'),
      toInt32(40000), '10.0.0.53', toInt32(53), 'udp', concat('h', toString(${h(2)} % 5000), '.site', toString(${h(3)} % 3000), '.com'), toInt64(1), 'gen', toUInt32(number)
    FROM numbers(${total / 10})`);
  await ch.run(`INSERT INTO http (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, method, host, uri, _batch, _row)
    SELECT 1767225600 + number * (864000.0 / ${total}), concat('C', toString(number * 3)), concat('10.0.', toString(${h(1)} % 250), '.1'),
      toInt32(40000), '93.184.216.34', toInt32(80), 'GET', concat('www', toString(${h(2)} % 2000), '.example.com'),
      concat('/page/', toString(${h(3)} % 10000), '?q=', toString(${h(4)} % 100)), 'gen', toUInt32(number)
    FROM numbers(${total / 10})`);
}

function rssMb(): string {
  return (process.resourceUsage().maxRSS / 1024).toFixed(0);
}

/** Same alert on both stores: scores are rounded to 3 places; evidence numbers may differ in float noise. */
function sameAlert(a: Alert, b: Alert | undefined): boolean {
  const norm = (x: Alert): string => JSON.stringify({ ...x, evidence: JSON.parse(JSON.stringify(x.evidence), (_k, v: unknown) => typeof v === 'number' ? Number(v.toPrecision(9)) : v) });
  return b !== undefined && norm(a) === norm(b);
}

function since(t0: number): string {
  return ((performance.now() - t0) / 1000).toFixed(1);
}

const url = freshClickHouseUrl('bench_detect');
const ch = (await openStoreFromUrl(url)) as ClickHouseStore;
rmSync(duckPath, { force: true });
const duck = await openStore(duckPath);
try {
  for (const schema of allSchemas) await ch.ensure(schema);
  let t0 = performance.now();
  await synthesize(ch);
  console.log(`clickhouse: synthesized ${total} connections (+${total / 5} DNS/HTTP rows) in ${since(t0)} s`);
  if (nativeOnly) {
    await createAnalysisViews(ch);
    t0 = performance.now();
    for (const detector of DETECTORS) {
      const t1 = performance.now();
      const outcome = await runSqlDetector(ch, detector, DEFAULT_CONFIG.detectors[detector.name]).then((a) => `${a.length} alerts`, (e: Error) => `failed: ${e.message}`);
      console.log(`  ${detector.name.padEnd(20)} clickhouse ${since(t1).padStart(7)} s  ${outcome}`);
    }
    console.log(`clickhouse (native SQL): every detector over ${total} connections: ${since(t0)} s, peak RSS ${rssMb()} MB`);
  } else {
    t0 = performance.now();
    await mirrorToDuckDB(ch, allSchemas, undefined, duck);
    console.log(`duckdb: the same rows copied into ${duckPath} in ${since(t0)} s`);

    t0 = performance.now();
    const duckReport = await runDetectors(duck);
    console.log(`duckdb: all detectors over ${total} connections: ${since(t0)} s, ${duckReport.alerts.length} alerts`);

    t0 = performance.now();
    const chReport = await runDetectors(ch);
    console.log(`clickhouse (native SQL): all detectors over ${total} connections: ${since(t0)} s, ${chReport.alerts.length} alerts, peak RSS so far ${rssMb()} MB`);
    for (const [name, s] of Object.entries(duckReport.timings)) console.log(`  ${name.padEnd(20)} duckdb ${s.toFixed(2).padStart(7)} s   clickhouse ${(chReport.timings[name] ?? NaN).toFixed(2).padStart(7)} s`);
    const duckById = new Map(duckReport.alerts.map((a) => [a.id, a]));
    const differing = chReport.alerts.filter((a) => !sameAlert(a, duckById.get(a.id)));
    console.log(`alerts identical: ${chReport.alerts.length === duckReport.alerts.length && differing.length === 0}` +
      (differing.length ? ` (${differing.length} differ, first: ${differing[0].detector} ${differing[0].id})` : ''));
    for (const a of differing.slice(0, 3)) {
      const b = duckById.get(a.id);
      const fields = Object.keys(a).filter((k) => JSON.stringify(a[k as keyof Alert]) !== JSON.stringify(b?.[k as keyof Alert]));
      console.log(`  ${a.id}: ${fields.map((k) => `${k} clickhouse ${JSON.stringify(a[k as keyof Alert]).slice(0, 300)} duckdb ${JSON.stringify(b?.[k as keyof Alert]).slice(0, 300)}`).join('; ')}`);
    }

    if (withMirror) {
      t0 = performance.now();
      const analysis = await analysisStore(ch);
      const read = since(t0);
      const t1 = performance.now();
      const mirrorReport = await runDetectors(analysis.engine);
      const detect = since(t1);
      await analysis.release();
      console.log(`clickhouse (DuckDB mirror): ${since(t0)} s (copying the streams ${read} s, detectors ${detect} s), ${mirrorReport.alerts.length} alerts`);
    }
    console.log(`peak RSS ${rssMb()} MB`);
  }
} finally {
  await duck.close();
  await ch.close();
  if (process.env.KEEP) console.log(`kept ${duckPath} and ${url}`);
  else {
    await dropClickHouseDatabase(url);
    rmSync(duckPath, { force: true });
  }
}
