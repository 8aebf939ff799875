/**
 * Ingest throughput into each store for the same captures, with 1 and 2 workers, as a user
 * runs it (`tracer ingest`, a fresh process per run):
 * `npx tsx bench/clickhouse-ingest.ts [--mb 60] [--files 2] [--dist DIR]` (needs TRACER_CLICKHOUSE_URL,
 * e.g. from scripts/clickhouse-local.sh start). `--dist` runs a compiled build (`DIR/cli/main.js`)
 * instead of the sources through tsx, which compiles every module again in each worker thread.
 * Generates `--files` mixed-traffic captures of `--mb` MB each (different seeds) in bench/data and
 * ingests them into a fresh DuckDB file and a fresh ClickHouse database: without --workers (the
 * files are one capture) and with --workers 1 and 2 (each file its own capture).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { IngestReport } from '../src/pipeline/ingest.js';
import { dropClickHouseDatabase, freshClickHouseUrl, TEST_URL_ENV } from '../src/store/clickhouse/testing/test-server.js';
import { writeMixedCapture } from '../src/synth/write-mixed-capture.js';
import { table } from './measure.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '60' }, files: { type: 'string', default: '2' }, dist: { type: 'string' } } });
if (!process.env[TEST_URL_ENV]) throw new Error(`${TEST_URL_ENV} is not set: run scripts/clickhouse-local.sh start and export the URL it prints`);
const dataDir = join('bench', 'data');
mkdirSync(dataDir, { recursive: true });
const files = Array.from({ length: Number(values.files) }, (_, i) => {
  const path = join(dataDir, `mixed-${values.mb}mb-seed${i + 1}.pcap`);
  if (!existsSync(path)) writeMixedCapture(path, Number(values.mb) * 1e6, i + 1);
  return path;
});
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const cli = values.dist ? [join(values.dist, 'cli', 'main.js')] : ['--import', 'tsx', join('src', 'cli', 'main.ts')];

async function run(store: 'duckdb' | 'clickhouse', workers: number): Promise<(string | number)[]> {
  const spec = store === 'duckdb' ? join(dataDir, `bench-${Date.now()}.duckdb`) : freshClickHouseUrl('bench');
  const args = [...cli, 'ingest', '--store', spec, '--json', ...(workers > 0 ? ['--workers', String(workers)] : []), ...files];
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (!m) throw new Error(`could not measure tracer ingest: ${r.stderr}`);
  const [s, cpu, rssMb] = [Number(m[1]), Number(m[2]) + Number(m[3]), Number(m[4]) / 1024];
  if (store === 'duckdb') rmSync(spec, { force: true });
  else await dropClickHouseDatabase(spec);
  if (r.status !== 0) throw new Error(`tracer ingest failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const report = JSON.parse(r.stdout) as IngestReport;
  const packets = report.inputs.reduce((n, i) => n + i.packets, 0);
  const records = Object.values(report.records).reduce((a, b) => a + b, 0);
  return [store, workers > 0 ? `--workers ${workers}` : 'one capture', s, cpu, rssMb, mb / s, packets / s, records / s, records];
}

const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
const rows: (string | number)[][] = [['store', 'mode', 'seconds', 'CPU s', 'peak MB', 'MB/s', 'packets/s', 'records/s', 'records']];
for (const store of ['duckdb', 'clickhouse'] as const) for (const workers of [0, 1, 2]) rows.push(await run(store, workers));
console.log(`${files.length} captures, ${mb.toFixed(0)} MB in all, ${values.dist ? 'compiled' : 'tsx'}; load average before: ${loadBefore}`);
console.log(table(rows));
