import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBDataChunk } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../cli/command.js';
import { createStreamWriter } from './appender.js';
import { createTableSql } from './ddl.js';
import { openStore, type Store } from './duckdb.js';
import { connSchema } from './schema/conn.js';
import { dnsSchema } from './schema/dns.js';
import type { LogSchema } from './schema/types.js';
import { sampleConn } from './test-records.js';

const listSchema: LogSchema = {
  name: 'lists', doc: 'test stream with vectors',
  fields: [
    { name: 'ts', type: 'time', doc: 't' },
    { name: 'names', type: 'vector[string]', doc: 'n' },
    { name: 'ttls', type: 'vector[interval]', doc: 'd' },
    { name: 'sizes', type: 'vector[count]', doc: 'c' },
  ],
};

describe('DuckDB store', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracer-store-'));
    store = await openStore(join(dir, 't.duckdb'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips conn records with nulls, addresses and counts', async () => {
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    for (let i = 0; i < 10; i++) w.append(sampleConn(i));
    w.flush();
    const rows = await store.all('SELECT * FROM conn ORDER BY ts');
    expect(rows).toHaveLength(10);
    expect(rows[7]).toEqual(sampleConn(7));
    expect(rows[0].vlan).toBe(10);
    expect(rows[1].vlan).toBeNull();
  });

  it('stores vectors as lists', async () => {
    await store.ensure(listSchema);
    const w = store.writer(listSchema);
    w.append({ ts: 1, names: ['a', 'b,c'], ttls: [1.5, 30], sizes: [1, 2 ** 40] });
    w.append({ ts: 2, names: [], ttls: null });
    w.flush();
    expect(await store.all('SELECT * FROM lists ORDER BY ts')).toEqual([
      { ts: 1, names: ['a', 'b,c'], ttls: [1.5, 30], sizes: [1, 2 ** 40] },
      { ts: 2, names: [], ttls: null, sizes: null },
    ]);
  });

  it('binds parameters instead of splicing them into SQL', async () => {
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    w.append(sampleConn(1));
    w.flush();
    const hostile = "x' OR '1'='1";
    expect(await store.all('SELECT uid FROM conn WHERE uid = ?', [hostile])).toEqual([]);
    expect(await store.all('SELECT uid FROM conn WHERE uid = $u', { u: 'C000001' })).toEqual([{ uid: 'C000001' }]);
  });

  it('adds columns a stream gained since the table was created', async () => {
    const old: LogSchema = { ...connSchema, fields: connSchema.fields.slice(0, 5) };
    await store.ensure(old);
    await store.ensure(connSchema);
    const cols = await store.all("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'conn'");
    expect(cols[0].n).toBe(connSchema.fields.length);
    expect(await store.tables()).toEqual(['conn']);
  });

  it('sees tables changed by other statements between ensure() calls (its column snapshot is dropped)', async () => {
    await store.ensure(connSchema);
    await store.run('ALTER TABLE conn DROP COLUMN history');
    await store.ensure(connSchema);
    await store.run('DROP TABLE conn');
    await store.run('CREATE TABLE conn (ts DOUBLE)');
    await store.ensure(connSchema);
    const cols = await store.all("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'conn'");
    expect(cols[0].n).toBe(connSchema.fields.length);
  });

  it('survives a query that runs while ensure() waits on DuckDB', async () => {
    const queries = (async () => { for (let i = 0; i < 40; i++) await store.all('SELECT 1 AS one'); })();
    await Promise.all([queries, (async () => { await store.ensure(connSchema); await store.ensure(dnsSchema); })()]);
    expect(await store.tables()).toEqual(['conn', 'dns']);
  });

  it('streams large results in chunks', async () => {
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    for (let i = 0; i < 5000; i++) w.append(sampleConn(i));
    w.flush();
    let n = 0;
    for await (const rows of store.stream('SELECT uid FROM conn')) n += rows.length;
    expect(n).toBe(5000);
  });

  it('flushes writers on close', async () => {
    const path = join(dir, 'closed.duckdb');
    const other = await openStore(path);
    await other.ensure(connSchema);
    other.writer(connSchema).append(sampleConn(3));
    await other.close();
    const again = await openStore(path);
    expect(await again.all('SELECT uid FROM conn')).toEqual([{ uid: 'C000003' }]);
    await again.close();
  });

  it('refuses writer() before ensure()', () => {
    expect(() => store.writer(connSchema)).toThrow(/before store.ensure/);
  });

  it('appends in bulk: one data chunk per 2,048 rows and one commit per flushEvery rows, never one per row (throughput: append-throughput.bench.ts)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(createTableSql(connSchema));
    const appender = await connection.createAppender('conn');
    const calls = { chunks: 0, commits: 0 };
    const counted = {
      appendDataChunk: (chunk: DuckDBDataChunk) => { calls.chunks++; appender.appendDataChunk(chunk); },
      flushSync: () => { calls.commits++; appender.flushSync(); },
    } as unknown as DuckDBAppender;
    const w = createStreamWriter(counted, connSchema, 20_000);
    const records = Array.from({ length: 1000 }, (_, i) => sampleConn(i));
    for (let i = 0; i < 60_000; i++) w.append(records[i % 1000]);
    w.flush();
    // 29 full chunks and the rest; commits after 10 and 20 chunks (20,480 rows each) and at the end.
    expect(calls).toEqual({ chunks: 30, commits: 3 });
    const reader = await connection.runAndReadAll('SELECT count(*) AS n, count(DISTINCT uid) AS u, count(bursts) AS b FROM conn');
    expect(reader.getRowObjectsJson()).toEqual([{ n: '60000', u: '1000', b: '1200' }]);
    // In the store's order (appender, connection, instance): a native handle freed out of order can crash the process later.
    appender.closeSync();
    connection.closeSync();
    instance.closeSync();
  });
});

describe('openStore errors', () => {
  it('names the file when it is not a DuckDB database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-store-'));
    const path = join(dir, 'not-a-db.duckdb');
    writeFileSync(path, 'this is not a database, just some text that is long enough to be a header'.repeat(100));
    await expect(openStore(path)).rejects.toThrow(InputError);
    await expect(openStore(path)).rejects.toThrow(path);
    rmSync(dir, { recursive: true, force: true });
  });
});
