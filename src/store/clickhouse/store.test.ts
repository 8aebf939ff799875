import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../cli/command.js';
import { createAnalysisViews } from '../../detect/views.js';
import type { Store } from '../duckdb.js';
import { connSchema } from '../schema/conn.js';
import type { LogRecord, LogSchema } from '../schema/types.js';
import { sampleConn } from '../test-records.js';
import { httpTransport, type Transport } from './client.js';
import { analysisStore } from '../dialect.js';
import { openStoreFromUrl } from './open.js';
import { ClickHouseStore } from './store.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from './testing/test-server.js';

const listSchema: LogSchema = {
  name: 'lists', doc: 'test stream with vectors',
  fields: [
    { name: 'ts', type: 'time', doc: 't' },
    { name: 'names', type: 'vector[string]', doc: 'n' },
    { name: 'sizes', type: 'vector[count]', doc: 'c' },
    { name: 'note', type: 'string', doc: 's' },
  ],
};
const quick = { attempts: 5, baseDelayMs: 5 };

/** A record as ClickHouse gives it back: arrays cannot be Nullable there, so an unset list reads as []. */
function withEmptyLists(rec: LogRecord): LogRecord {
  const lists = new Set(connSchema.fields.filter((f) => f.type.includes('[')).map((f) => f.name));
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, lists.has(k) && v === null ? [] : v]));
}

if (clickhouseSkipReason) console.warn(`skipping ClickHouse store tests: ${clickhouseSkipReason}`);

describe.skipIf(clickhouseSkipReason !== null)('ClickHouse store', () => {
  let url: string;
  let store: Store;
  beforeEach(async () => {
    url = freshClickHouseUrl('store');
    store = await openStoreFromUrl(url, { retry: quick });
  });
  afterEach(async () => {
    await store.close();
    await dropClickHouseDatabase(url);
  });

  it('round-trips conn records as the DuckDB store does (ordered, nulls kept)', async () => {
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    for (let i = 0; i < 10; i++) w.append(sampleConn(i));
    w.flush();
    const rows = await store.all('SELECT * FROM conn ORDER BY ts');
    expect(rows).toHaveLength(10);
    const { _batch, _row, ...rest } = rows[7];
    expect(typeof _batch).toBe('string');
    expect(_row).toBe(7);
    const expected = Object.fromEntries(Object.entries(withEmptyLists(sampleConn(7))).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v]));
    expect(rest).toEqual(expected);
  });

  it('escapes attacker-controlled strings on the way in and bound values on the way out', async () => {
    await store.ensure(listSchema);
    const evil = "x'); DROP TABLE lists; --\\\n\t\"\u0000é";
    const w = store.writer(listSchema);
    w.append({ ts: 1, names: [evil, 'b'], sizes: [1, 2], note: evil });
    w.append({ ts: 2, names: null, sizes: null, note: null });
    w.flush();
    expect(await store.all('SELECT note, names FROM lists WHERE note = ?', [evil])).toEqual([{ note: evil, names: [evil, 'b'] }]);
    expect(await store.all('SELECT names, sizes, note FROM lists WHERE ts = $t', { t: 2 })).toEqual([{ names: [], sizes: [], note: null }]);
    expect(await store.tables()).toEqual(['lists']);
  });

  it('gives DuckDB analytics a copy in insertion order, bools restored, a doubled batch counted once', async () => {
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    for (const i of [5, 0, 3]) w.append(sampleConn(i));
    w.flush();
    await store.run('INSERT INTO conn SELECT * FROM conn');
    expect(await store.all('SELECT count() AS n FROM conn')).toEqual([{ n: 6 }]);
    const copy = await analysisStore(store);
    try {
      const rows = await copy.engine.all('SELECT * FROM conn');
      expect(rows).toEqual([5, 0, 3].map((i) => withEmptyLists(sampleConn(i))));
    } finally {
      await copy.release();
    }
    // Native analytics read the table itself: readying the store for them merges the doubled batch away.
    await createAnalysisViews(store);
    expect(await store.all('SELECT count() AS n FROM conn')).toEqual([{ n: 3 }]);
    expect(await (store as ClickHouseStore).deduplicate()).toEqual([]);
    await store.run('INSERT INTO conn SELECT * FROM conn');
    expect(await (store as ClickHouseStore).deduplicate()).toEqual(['conn']);
  });

  it('opens an existing database only when it exists', async () => {
    await expect(openStoreFromUrl(freshClickHouseUrl('absent'), { existing: true })).rejects.toThrow(InputError);
    const again = await openStoreFromUrl(url, { existing: true });
    await again.close();
  });

  it('neither loses nor doubles a batch whose response is lost or whose request fails', async () => {
    const ch = store as ClickHouseStore;
    let calls = 0;
    // Every insert: the first attempt reaches the server but its answer is lost; the second
    // never reaches it; the third goes through.
    const flaky: Transport = async (u, body, headers) => {
      const isInsert = new URL(u).searchParams.get('query')?.startsWith('INSERT');
      if (isInsert) {
        calls++;
        if (calls % 3 === 1) { (await httpTransport(u, body, headers)).body.resume(); throw new Error('socket hang up'); }
        if (calls % 3 === 2) throw new Error('connect ECONNREFUSED');
      }
      return httpTransport(u, body, headers);
    };
    const flakyStore = new ClickHouseStore(ch.target, { transport: flaky, retry: quick });
    await flakyStore.ensure(connSchema);
    const w = flakyStore.writer(connSchema);
    for (let i = 0; i < 100; i++) w.append(sampleConn(i));
    w.flush();
    for (let i = 100; i < 130; i++) w.append(sampleConn(i));
    await flakyStore.close();
    const [{ n, u }] = await store.all('SELECT count() AS n, uniqExact(uid) AS u FROM conn');
    expect(calls).toBeGreaterThanOrEqual(3);
    expect({ n, u }).toEqual({ n: 130, u: 130 });
  });

  it('reports a batch that keeps failing, with the table and row count', async () => {
    const down: Transport = async (u, body, headers) => {
      if (new URL(u).searchParams.get('query')?.startsWith('INSERT')) throw new Error('connect ECONNREFUSED');
      return httpTransport(u, body, headers);
    };
    const broken = new ClickHouseStore((store as ClickHouseStore).target, { transport: down, retry: { attempts: 3, baseDelayMs: 1 } });
    await broken.ensure(connSchema);
    broken.writer(connSchema).append(sampleConn(1));
    await expect(broken.close()).rejects.toThrow(/insert into conn failed \(1 rows/);
  });
});
