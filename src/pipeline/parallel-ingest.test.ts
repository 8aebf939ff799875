import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStoreFromUrl } from '../store/clickhouse/open.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from '../store/clickhouse/testing/test-server.js';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { ingest } from './ingest.js';
import { ingestParallel } from './parallel-ingest.js';

const FILES = [
  corpus('pcaps/ssh-bruteforce/zeek_sshguess.pcap'),
  corpus('pcaps/scan/chrissanders_synscan.pcapng'),
  corpus('pcaps/dns-tunnel/elastic_dns-tunnel-iodine.pcap'),
  corpus('auth-logs/loghub_OpenSSH_2k.log'),
];
const work = mkdtempSync(join(tmpdir(), 'tracer-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Connection tuples and per-stream counts: what must not depend on how many workers read the files. */
async function contents(spec: string): Promise<unknown> {
  const store = await openStoreFromUrl(spec, { existing: true });
  try {
    const conns = await store.all('SELECT ts, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, history, orig_bytes, resp_bytes FROM conn ORDER BY ts, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto');
    const streams: Record<string, number> = {};
    for (const t of ['conn', 'dns', 'ssh', 'auth', 'weird', 'ingests']) streams[t] = Number((await store.all(`SELECT count(*) AS n FROM ${t}`))[0].n);
    const uids = await store.all('SELECT count(DISTINCT uid) AS n FROM conn');
    return { conns, streams, distinctUids: Number(uids[0].n) };
  } finally {
    await store.close();
  }
}

describe.skipIf(!haveCorpus)('parallel ingest (--workers)', () => {
  it('stores what one ingest per file stores, whichever store', async () => {
    const one = join(work, 'one-by-one.duckdb');
    for (const f of FILES) await ingest({ dbPath: one, inputs: [f] });
    const expected = await contents(one);
    const par = join(work, 'parallel.duckdb');
    const report = await ingestParallel({ dbPath: par, inputs: FILES, workers: 2 });
    expect(report.inputs.map((i) => i.kind)).toEqual(['capture', 'capture', 'capture', 'log']);
    expect(report.inputs.every((i) => !i.error)).toBe(true);
    expect(await contents(par)).toEqual(expected);
    if (clickhouseSkipReason) return;
    const url = freshClickHouseUrl('parallel');
    try {
      await ingestParallel({ dbPath: url, inputs: FILES, workers: 2 });
      expect(await contents(url)).toEqual(expected);
    } finally {
      await dropClickHouseDatabase(url);
    }
  }, 120_000);

  it('refuses a file already stored, and reports it without stopping the others', async () => {
    const db = join(work, 'dup.duckdb');
    await ingest({ dbPath: db, inputs: [FILES[0]] });
    const report = await ingestParallel({ dbPath: db, inputs: FILES.slice(0, 2), workers: 2 });
    expect(report.inputs[0].error).toMatch(/already in the store/);
    expect(report.inputs[1].error).toBeUndefined();
    expect(report.inputs[1].packets).toBeGreaterThan(0);
  }, 60_000);
});
