import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { openStore, type Store } from '../duckdb.js';
import { connSchema } from '../schema/conn.js';
import type { LogRecord, LogSchema } from '../schema/types.js';
import { exportParquet, exportText, type ExportFormat } from './index.js';
import { readZeekTsv } from './zeek-tsv-fixture.js';

async function load(store: Store, schema: LogSchema, records: LogRecord[]): Promise<void> {
  await store.ensure(schema);
  const w = store.writer(schema);
  for (const r of records) w.append(r);
  w.flush();
}

async function exportToString(store: Store, schema: LogSchema, format: Exclude<ExportFormat, 'parquet'>): Promise<string> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  await exportText(store, { schema, format }, out);
  return Buffer.concat(parts).toString('utf8');
}

describe('export against real Zeek logs', () => {
  let store: Store;
  beforeEach(async () => { store = await openStore(':memory:'); });
  afterEach(async () => { await store.close(); });

  it('zeek-tsv reproduces a Zeek conn.log byte for byte (rows sorted by ts, uid)', async () => {
    const path = corpus('zeek-logs/rita_proxy_tsv_conn.log');
    const log = readZeekTsv(path);
    await load(store, log.schema, log.records);
    const text = await exportToString(store, log.schema, 'zeek-tsv');
    const original = readFileSync(path, 'utf8').split('\n');
    const lines = text.split('\n');
    const headerEnd = original.findIndex((l) => l.startsWith('#types'));
    expect(lines.slice(0, headerEnd + 1).filter((l) => !l.startsWith('#open'))).toEqual(original.slice(0, headerEnd + 1).filter((l) => !l.startsWith('#open')));
    const key = (l: string): string => l.split('\t').slice(0, 2).join('\t');
    const sorted = [...log.lines].sort((a, b) => Number(a.split('\t')[0]) - Number(b.split('\t')[0]) || key(a).localeCompare(key(b)));
    expect(lines.filter((l) => l !== '' && !l.startsWith('#'))).toEqual(sorted);
    expect(lines[5]).toBe('#open\t2023-01-04-14-37-36');
    expect(lines.at(-2)).toMatch(/^#close\t2023-01-\d\d-\d\d-\d\d-\d\d$/);
  });

  it('zeek-json matches Zeek JSON conn.log records', async () => {
    const zeek = readFileSync(corpus('zeek-logs/rita_json_conn.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const records = zeek.map((z) => Object.fromEntries(connSchema.fields.map((f) => [f.name.replace(/\./g, '_'), (z[f.name] ?? null) as LogRecord[string]])));
    await load(store, connSchema, records);
    const exported = (await exportToString(store, connSchema, 'zeek-json')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const expected = zeek.map(({ _path, ...rest }) => rest).sort((a, b) => Number(a.ts) - Number(b.ts));
    expect(exported).toEqual(expected);
  });
});

describe('export formats', () => {
  let store: Store;
  let dir: string;
  const hostile: LogRecord = { ts: 1.5, uid: '=cmd|calc', id_orig_h: '10.0.0.1', history: 'a\tb\n-', service: '-', proto: 'tcp', conn_state: '' };
  beforeEach(async () => {
    store = await openStore(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'tracer-export-'));
    await load(store, connSchema, [hostile, { ts: 0.25, uid: 'Cb', proto: 'udp' }]);
  });
  afterEach(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

  it('zeek-tsv escapes separators and markers', async () => {
    const row = (await exportToString(store, connSchema, 'zeek-tsv')).split('\n').filter((l) => !l.startsWith('#'))[1].split('\t');
    expect(row[0]).toBe('1.500000');
    expect(row[7]).toBe('\\x2d');
    expect(row[11]).toBe('(empty)');
    expect(row[15]).toBe('a\\x09b\\x0a-');
    expect(row).toHaveLength(connSchema.fields.length);
  });

  it('csv guards formulas, quotes newlines, uses CRLF', async () => {
    const text = await exportToString(store, connSchema, 'csv');
    expect(text.startsWith('ts,uid,id.orig_h,')).toBe(true);
    expect(text).toContain("1.500000,'=cmd|calc,10.0.0.1,");
    expect(text).toContain('"a\tb\n-"');
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('ndjson keeps every column, null when unset, ordered by ts', async () => {
    const rows = (await exportToString(store, connSchema, 'ndjson')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.uid)).toEqual(['Cb', '=cmd|calc']);
    expect(Object.keys(rows[0])).toHaveLength(connSchema.fields.length);
    expect(rows[0].id_orig_h).toBeNull();
  });

  it('parquet holds the same rows, readable by DuckDB', async () => {
    const path = join(dir, "it's.parquet");
    expect(await exportParquet(store, { schema: connSchema, format: 'parquet' }, path)).toBe(2);
    const rows = await store.all(`SELECT uid, ts FROM read_parquet('${path.replace(/'/g, "''")}')`);
    expect(rows).toEqual([{ uid: 'Cb', ts: 0.25 }, { uid: '=cmd|calc', ts: 1.5 }]);
  });

  it('honours a filter with bound values', async () => {
    const text = await exportToString(store, connSchema, 'ndjson');
    expect(text.split('\n')).toHaveLength(3);
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (b: Buffer) => parts.push(b));
    await exportText(store, { schema: connSchema, format: 'ndjson', where: { sql: 'WHERE proto = ?', params: ['udp'] } }, out);
    expect(Buffer.concat(parts).toString().trim().split('\n')).toHaveLength(1);
  });
});
