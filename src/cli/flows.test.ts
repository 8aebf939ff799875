import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { corpus } from '../../test/helpers/corpus.js';
import { writeConnStore, zeekConnRecords } from '../store/query/conn-fixture.js';

const records = zeekConnRecords(corpus('zeek-logs/rita_proxy_tsv_conn.log'));

describe('tracer flows (store built from a real Zeek conn.log)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracer-flows-'));
    db = join(dir, 'case.duckdb');
    await writeConnStore(db, records);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints the matching connections as NDJSON', async () => {
    const r = await runCli(['flows', '--db', db, '--proto', 'icmp', '--json']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { uid: string });
    expect(rows.map((x) => x.uid).sort()).toEqual(records.filter((x) => x.proto === 'icmp').map((x) => String(x.uid)).sort());
  });

  it('prints a table with a count on stderr', async () => {
    const r = await runCli(['flows', '--db', db, '--sort', 'bytes', '--limit', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(r.stdout.split('\n')[0]).toMatch(/^time \(UTC\)\s+uid\s+proto/);
    expect(r.stderr).toBe('5 connections\n');
  });

  it('reports user errors in one line without a stack', async () => {
    const missing = await runCli(['flows', '--db', join(dir, 'nope.duckdb')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^tracer: .*nope\.duckdb: no such store; run "tracer ingest[^\n]*\n$/);
    const bad = await runCli(['flows', '--db', db, '--port', 'http']);
    expect(bad).toMatchObject({ code: 2, stderr: 'tracer: --port "http": expected a whole number from 0 to 65535\n' });
  });
});
