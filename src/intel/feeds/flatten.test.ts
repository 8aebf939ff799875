import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenContext, MAX_CONTEXT_FIELDS } from './flatten.js';

describe('flattenContext', () => {
  it('joins nested keys with dots and scalar arrays with commas', () => {
    expect(flattenContext({ a: { b: 1, c: null }, t: ['x', 'y'], f: [{ md5: 'm' }], e: '' }))
      .toEqual({ 'a.b': '1', t: 'x,y', 'f.0.md5': 'm' });
  });
  it('leaves out skipped paths', () => {
    expect(flattenContext({ ip: '1.2.3.4', port: 80 }, new Set(['ip']))).toEqual({ port: '80' });
  });
  it('caps fields and never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(Object.keys(flattenContext(v)).length).toBeLessThanOrEqual(MAX_CONTEXT_FIELDS);
    }));
  });
});
