import { describe, expect, it } from 'vitest';
import { diff } from './diff.js';

describe('diff', () => {
  it('lists changed leaves by JSON path, added and removed keys and items included', () => {
    expect(diff({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3, 4] }, d: 'x' })).toEqual([
      { path: 'b.c.1', from: 2, to: 3 }, { path: 'b.c.2', from: undefined, to: 4 }, { path: 'd', from: undefined, to: 'x' },
    ]);
    expect(diff({ a: [1] }, { a: 'one' })).toEqual([{ path: 'a', from: [1], to: 'one' }]);
  });

  it('is empty for equal documents and reports a whole creation at $', () => {
    expect(diff({ a: [{ b: 1 }] }, { a: [{ b: 1 }] })).toEqual([]);
    expect(diff(null, { a: 1 })).toEqual([{ path: '$', from: null, to: { a: 1 } }]);
  });
});
