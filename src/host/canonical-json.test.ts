import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, safeJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: { d: 1, c: [2, { f: 3, e: 4 }] }, a: 'x' })).toBe('{"a":"x","b":{"c":[2,{"e":4,"f":3}],"d":1}}');
  });

  it('is independent of key order and parses back to the same value (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = canonicalJson(value);
      const reordered = JSON.parse(JSON.stringify(value), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)) as unknown;
      expect(canonicalJson(reordered)).toBe(text);
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }));
  });
});

describe('safeJson', () => {
  it('escapes what terminals act on and still parses back to the same value', () => {
    const value = { cmd: 'x\u001b[2J\u009b31m\u202eevil\u007f' };
    const text = safeJson(value);
    expect(text).toBe('{"cmd":"x\\u001b[2J\\u009b31m\\u202eevil\\u007f"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
