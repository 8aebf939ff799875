import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../duckdb.js';
import { argMaxN } from './arg-max-n.js';

describe('argMaxN', () => {
  let duck: Store;
  beforeAll(async () => { duck = await openStore(':memory:'); });
  afterAll(async () => { await duck.close(); });

  it('picks and orders the rows as DuckDB arg_max(value, by, n) does, ties included', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }),
      async (bys, n) => {
        const rows = bys.map((by, i) => [by, `v${i}`] as const);
        const values = rows.map(([by, v]) => `(${by ?? 'NULL'}, '${v}', ${rows.findIndex((r) => r[1] === v)})`).join(', ');
        const sql = rows.length === 0 ? 'SELECT NULL AS top' : `SELECT arg_max(v, k, ${n}) AS top FROM (SELECT * FROM (VALUES ${values}) t(k, v, i) ORDER BY i)`;
        const [{ top }] = await duck.all(sql);
        expect(argMaxN(rows, n)).toEqual(top ?? []);
      },
    ), { numRuns: 150 });
  });

  it('skips rows without a value to order by', () => {
    expect(argMaxN([[null, 'a'], [2, 'b'], [5, 'c']], 5)).toEqual(['c', 'b']);
  });
});
