import { describe, expect, it } from 'vitest';
import { parseRowShape, shapeRow } from './row-shape.js';

describe('row shapes', () => {
  const sql = `-- bool: slow, spoofed\n-- null-if-empty: names\n-- struct: detail(measure, amount)\n-- arg-max-n: uids(2)\nSELECT 1`;

  it('turns ClickHouse values into the ones DuckDB gives', () => {
    const shape = parseRowShape(sql)!;
    const row = shapeRow({ slow: 1, spoofed: 0, names: [], detail: [['bytes', 5], ['packets', 7]], uids: [[1, 'a'], [3, 'b'], [null, 'c'], [2, 'd']], other: 1 }, shape);
    expect(row).toEqual({
      slow: true, spoofed: false, names: null, detail: [{ measure: 'bytes', amount: 5 }, { measure: 'packets', amount: 7 }], uids: ['b', 'd'], other: 1,
    });
  });

  it('leaves nulls, non-empty lists and single structs their own way', () => {
    const shape = parseRowShape(sql)!;
    expect(shapeRow({ slow: null, names: ['x'], detail: ['bytes', 5], uids: [] }, shape)).toEqual({ slow: null, names: ['x'], detail: { measure: 'bytes', amount: 5 }, uids: [] });
  });

  it('finds nothing to do in plain queries', () => {
    expect(parseRowShape('SELECT 1 -- a comment')).toBeNull();
    expect(parseRowShape('SELECT 2')).toBeNull();
  });
});
