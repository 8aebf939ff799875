import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { corpus } from '../../test/helpers/corpus.js';
import { writeConnStore, zeekConnRecords } from '../store/query/conn-fixture.js';

const zeekLog = corpus('zeek-logs/rita_proxy_tsv_conn.log');
const records = zeekConnRecords(zeekLog);

describe('tracer export (store built from a real Zeek conn.log)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracer-export-'));
    db = join(dir, 'case.duckdb');
    await writeConnStore(db, records);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--format zeek-tsv -o writes the same rows as the Zeek log', async () => {
    const out = join(dir, 'conn.log');
    const r = await runCli(['export', '--db', db, '--format', 'zeek-tsv', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${records.length} conn records written to ${out}\n`);
    const commonFields = (l: string): string => l.split('\t').slice(0, 20).join('\t');
    const rows = (text: string): string[] => text.split('\n').filter((l) => l && !l.startsWith('#')).map(commonFields).sort();
    expect(rows(readFileSync(out, 'utf8'))).toEqual(rows(readFileSync(zeekLog, 'utf8')));
  });

  it('writes csv to stdout, filtered', async () => {
    const r = await runCli(['export', '--db', db, '--format', 'csv', '--port', '3128', '--state', 'SF']);
    expect(r.code).toBe(0);
    const expected = records.filter((x) => (x.id_resp_p === 3128 || x.id_orig_p === 3128) && x.conn_state === 'SF').length;
    expect(r.stdout.split('\r\n').filter((l) => l !== '')).toHaveLength(expected + 1);
  });

  it('reports user errors in one line', async () => {
    const parquet = await runCli(['export', '--db', db, '--format', 'parquet']);
    expect(parquet).toMatchObject({ code: 2, stderr: 'tracer: --format parquet needs an output file: -o FILE\n' });
    const stream = await runCli(['export', '--db', db, '--stream', 'weird', '--format', 'csv', '--port', '22']);
    expect(stream).toMatchObject({ code: 2, stderr: 'tracer: filter --port does not apply to stream "weird" (it has no id_orig_p field)\n' });
  });
});
