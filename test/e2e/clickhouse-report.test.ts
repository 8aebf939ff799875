import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlate } from '../../src/correlate/index.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { openStoreFromUrl } from '../../src/store/clickhouse/open.js';
import { same } from '../../src/store/clickhouse/testing/compare.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from '../../src/store/clickhouse/testing/test-server.js';
import { runCli } from '../helpers/cli.js';
import { corpus, haveCorpus, projectRoot } from '../helpers/corpus.js';

/** The bundled sample (capture and auth.log) and corpus captures with a scan, SSH guessing, a C2 beacon, a web attack and a DNS tunnel. */
const INPUTS = [
  [join(projectRoot, 'samples', 'intrusion.pcap.gz'), join(projectRoot, 'samples', 'auth.log')],
  [corpus('pcaps/scan/chrissanders_synscan.pcapng')],
  [corpus('pcaps/ssh-bruteforce/zeek_sshguess.pcap')],
  [corpus('pcaps/c2/chrissanders_ratinfected.pcapng')],
  [corpus('pcaps/http-attack/chrissanders_http_dvwa_sqlinjection.pcapng')],
  [corpus('pcaps/dns-tunnel/elisaUD_dnscat2.pcap')],
];

const skip = clickhouseSkipReason ?? (haveCorpus ? null : 'the shared corpus is missing');
if (skip) console.warn(`skipping the ClickHouse report and serve comparison: ${skip}`);

/** The first path where two JSON values differ (numbers within 1e-9), or null. */
function difference(a: unknown, b: unknown, path = ''): string | null {
  if (same(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** report.json without what names the store or the moment: its path and size, the report time, the ingest times. */
function comparableReport(file: string): Record<string, unknown> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { custody: { inputs: { ingested: string }[]; store: unknown; generatedAt: string; parameters: { report: Record<string, unknown> } } };
  const { custody } = data;
  for (const input of custody.inputs) expect(input.ingested).toMatch(/^\d{4}-\d\d-\d\dT/);
  return { ...data, custody: { ...custody, store: null, generatedAt: '', inputs: custody.inputs.map((i) => ({ ...i, ingested: '' })), parameters: { ...custody.parameters, report: { ...custody.parameters.report, store: '', out: '' } } } };
}

/** Starts `tracer serve` with `args` on a free loopback port; resolves with the process and its base URL once it listens. */
function startServe(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'main.ts'), 'serve', '--port', '0', ...args], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const m = /dashboard on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`tracer serve exited with ${code}: ${err}`)));
  });
}

/** The first server-sent event of `url` (the dashboard's snapshot): its name and JSON data. */
async function firstEvent(url: string): Promise<{ event: string; data: Record<string, unknown> }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  controller.abort();
  const m = /^event: (\w+)\ndata: (.*)\n\n/.exec(text);
  expect(m, text.slice(0, 200)).not.toBeNull();
  return { event: m![1], data: JSON.parse(m![2]) as Record<string, unknown> };
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return res.json();
}

describe.skipIf(skip !== null)('report, correlation and serve run natively on ClickHouse with the DuckDB results', () => {
  const work = mkdtempSync(join(tmpdir(), 'tracer-e2e-ch-report-'));
  const duckPath = join(work, 'store.duckdb');
  const chUrl = freshClickHouseUrl('report');
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    for (const inputs of INPUTS) {
      const [a, b] = await Promise.all([ingest({ dbPath: duckPath, inputs }), ingest({ dbPath: chUrl, inputs })]);
      expect(b.records).toEqual(a.records);
    }
    const [d, c] = await Promise.all([runCli(['detect', '--db', duckPath]), runCli(['detect', '--store', chUrl])]);
    expect(d.code, d.stderr).toBe(0);
    expect(c.code, c.stderr).toBe(0);
  }, 240_000);

  afterAll(async () => {
    for (const child of servers) child.kill('SIGTERM');
    await dropClickHouseDatabase(chUrl);
    rmSync(work, { recursive: true, force: true });
  });

  it('correlates into identical incidents, compromised hosts and attack chains', async () => {
    const duck = await openStoreFromUrl(duckPath, { existing: true });
    const ch = await openStoreFromUrl(chUrl, { existing: true });
    try {
      const [a, b] = [await correlate(duck), await correlate(ch)];
      expect(a.incidents.length).toBeGreaterThan(1);
      expect(a.incidents.some((i) => i.compromised.length > 0)).toBe(true);
      expect(b.incidents.map((i) => i.chain)).toEqual(a.incidents.map((i) => i.chain));
      expect(b.incidents.map((i) => i.compromised)).toEqual(a.incidents.map((i) => i.compromised));
      expect(difference(a, b)).toBeNull();
    } finally {
      await duck.close();
      await ch.close();
    }
  }, 60_000);

  it('tracer report --store writes the report.json of the DuckDB store', async () => {
    const [d, c] = await Promise.all([
      runCli(['report', '--db', duckPath, '--out', join(work, 'duck'), '--format', 'json,md']),
      runCli(['report', '--store', chUrl, '--out', join(work, 'ch'), '--format', 'json,md']),
    ]);
    expect(d.code, d.stderr).toBe(0);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toBe(d.stderr);
    const [a, b] = [comparableReport(join(work, 'duck', 'report.json')), comparableReport(join(work, 'ch', 'report.json'))];
    expect((a.tops as unknown[]).length).toBeGreaterThan(0);
    expect(difference(a, b)).toBeNull();
    const custody = JSON.parse(readFileSync(join(work, 'ch', 'report.json'), 'utf8')).custody;
    expect(custody.store).toMatchObject({ path: expect.stringMatching(/^clickhouse:\/\/127\.0\.0\.1:\d+\/tracer_test_report_/) });
    expect(custody.store.bytes).toBeGreaterThan(0);
  }, 120_000);

  it('tracer serve --store answers the dashboard API as the DuckDB store does, cases in a DuckDB file', async () => {
    const duck = await startServe(['--db', duckPath]);
    servers.push(duck.child);
    const ch = await startServe(['--store', chUrl, '--db', join(work, 'cases.duckdb')]);
    servers.push(ch.child);
    const [a, b] = await Promise.all([getJson(`${duck.base}api/dashboard`), getJson(`${ch.base}api/dashboard`)]) as Record<string, unknown>[];
    expect(b.source).toMatch(/^clickhouse:\/\//);
    expect((a.series as unknown[]).length).toBeGreaterThan(3);
    expect((a.incidents as unknown[]).length).toBeGreaterThan(1);
    expect(difference({ ...a, source: '' }, { ...b, source: '' })).toBeNull();
    const [ea, eb] = await Promise.all([firstEvent(`${duck.base}api/dashboard/events`), firstEvent(`${ch.base}api/dashboard/events`)]);
    expect(eb.event).toBe('snapshot');
    expect(difference({ ...ea.data, source: '' }, { ...eb.data, source: '' })).toBeNull();
    expect(difference({ ...a, source: '' }, { ...ea.data, source: '' })).toBeNull();
    expect(await getJson(`${ch.base}api/cases`)).toEqual(await getJson(`${duck.base}api/cases`));
    expect(readFileSync(join(work, 'cases.duckdb')).length).toBeGreaterThan(0);
  }, 120_000);

  it('says in one line what serve and report cannot do with a ClickHouse store', async () => {
    const capture = await runCli(['serve', '--store', chUrl, '--capture', 'lo', '--port', '0']);
    expect(capture.code).toBe(2);
    expect(capture.stderr.trim().split('\n')[0]).toMatch(/--capture stores into a DuckDB file/);
    const absent = await runCli(['report', '--store', freshClickHouseUrl('absent'), '--out', join(work, 'none')]);
    expect(absent.code).toBe(1);
    expect(absent.stderr.trim().split('\n')).toHaveLength(1);
    expect(absent.stderr).toMatch(/no such database/);
  }, 60_000);
});
