import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { openStoreFromUrl } from '../../src/store/clickhouse/open.js';
import { firstDifference } from '../../src/store/clickhouse/testing/compare.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from '../../src/store/clickhouse/testing/test-server.js';
import type { Row, Store } from '../../src/store/duckdb.js';
import { alertsSchema } from '../../src/store/schema/alerts.js';
import { connSchema } from '../../src/store/schema/conn.js';
import { columnName, type LogSchema } from '../../src/store/schema/types.js';
import { runCli } from '../helpers/cli.js';
import { corpus, haveCorpus, projectRoot } from '../helpers/corpus.js';

/** Captures (and logs) with something for every detector family: each is ingested as its own capture. */
const INPUTS = [
  [join(projectRoot, 'samples', 'intrusion.pcap.gz'), join(projectRoot, 'samples', 'auth.log')],
  [corpus('pcaps/scan/chrissanders_synscan.pcapng')],
  [corpus('pcaps/scan/evilfingers_nmap_UDP_SCAN.pcap')],
  [corpus('pcaps/ssh-bruteforce/zeek_sshguess.pcap')],
  [corpus('pcaps/ssh-bruteforce/traceshare_hydra-1_tasks.pcap')],
  [corpus('pcaps/misc/zeek_ftp_bruteforce.pcap')],
  [corpus('pcaps/misc/chrissanders_arppoison.pcapng')],
  [corpus('pcaps/dns-tunnel/elastic_dns-tunnel-iodine.pcap')],
  [corpus('pcaps/c2/chrissanders_cryptowall4_c2.pcapng')],
  [corpus('pcaps/http-attack/chrissanders_http_dvwa_sqlinjection.pcapng')],
  [corpus('pcaps/http-attack/chrissanders_http_dvwa_directorytraversal.pcapng')],
  [corpus('pcaps/dos/stopddos_amp.TCP.reflection.SYNACK.pcap')],
];

const skip = clickhouseSkipReason ?? (haveCorpus ? null : 'the shared corpus is missing');
if (skip) console.warn(`skipping the DuckDB/ClickHouse comparison: ${skip}`);

/**
 * The stream's rows with its schema's columns only, bools as 0/1 (ClickHouse's UInt8), unset lists
 * as [] (ClickHouse arrays cannot be NULL), evidence parsed (compared within float noise), in `order`.
 */
async function rows(store: Store, schema: LogSchema, order: string): Promise<Row[]> {
  const cols = schema.fields.map((f) => columnName(f));
  const bools = new Set(schema.fields.filter((f) => f.type === 'bool').map((f) => columnName(f)));
  const lists = new Set(schema.fields.filter((f) => f.type.includes('[')).map((f) => columnName(f)));
  const out = await store.all(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${schema.name} ORDER BY ${order}`);
  const value = (c: string, v: unknown): unknown =>
    bools.has(c) && typeof v === 'boolean' ? Number(v) : lists.has(c) && v === null ? [] : c === 'evidence' ? JSON.parse(String(v)) : v;
  return out.map((r) => Object.fromEntries(cols.map((c) => [c, value(c, r[c])])));
}

describe.skipIf(skip !== null)('the same analysis on DuckDB and ClickHouse', () => {
  const work = mkdtempSync(join(tmpdir(), 'tracer-e2e-ch-'));
  const duckPath = join(work, 'corpus.duckdb');
  const chUrl = freshClickHouseUrl('e2e');
  let duck: Store;
  let ch: Store;
  let listed: Awaited<ReturnType<typeof runCli>>[];

  beforeAll(async () => {
    for (const inputs of INPUTS) {
      const [a, b] = await Promise.all([ingest({ dbPath: duckPath, inputs }), ingest({ dbPath: chUrl, inputs })]);
      expect(b.records).toEqual(a.records);
    }
    const [d, c] = await Promise.all([runCli(['detect', '--db', duckPath]), runCli(['detect'], { env: { TRACER_STORE: chUrl } })]);
    expect(d.code).toBe(0);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toBe(d.stdout);
    // Listed before this process opens the DuckDB file (its lock would make the CLI wait).
    listed = await Promise.all([runCli(['alerts', '--db', duckPath, '--severity', 'low']), runCli(['alerts', '--store', chUrl, '--severity', 'low'])]);
    duck = await openStoreFromUrl(duckPath, { existing: true });
    ch = await openStoreFromUrl(chUrl, { existing: true });
  }, 240_000);

  afterAll(async () => {
    await duck?.close();
    await ch?.close();
    await dropClickHouseDatabase(chUrl);
    rmSync(work, { recursive: true, force: true });
  });

  it('stores identical connection records', async () => {
    const [a, b] = await Promise.all([rows(duck, connSchema, 'uid'), rows(ch, connSchema, 'uid')]);
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toEqual(a);
  });

  it('raises identical alerts, every detector family included', async () => {
    const [a, b] = await Promise.all([rows(duck, alertsSchema, 'id'), rows(ch, alertsSchema, 'id')]);
    const detectors = new Set(a.map((r) => r.detector));
    for (const d of ['port_scan', 'brute_force', 'dns_tunnel', 'web_attack', 'arp_spoof', 'flood', 'exfiltration']) expect(detectors).toContain(d);
    // Detection runs as each store's own SQL: evidence numbers agree within float noise (sums in another order).
    expect(firstDifference(a, b)).toBeNull();
  });

  it('lists the same alerts with tracer alerts from either store', () => {
    const [d, c] = listed;
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toBe(d.stdout);
    expect(d.stdout.trim().split('\n').length).toBeGreaterThan(5);
  });

  it('says in one line when the ClickHouse database does not exist', async () => {
    const r = await runCli(['detect', '--store', freshClickHouseUrl('absent')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such database; run "tracer ingest --store/);
  });
});
