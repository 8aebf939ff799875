import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isGrease } from './grease.js';

it('recognises exactly the sixteen RFC 8701 values', () => {
  const grease = Array.from({ length: 16 }, (_, i) => ((i << 4) | 0x0a) * 0x101);
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), (v) => {
    expect(isGrease(v)).toBe(grease.includes(v));
  }));
  for (const v of grease) expect(isGrease(v)).toBe(true);
});
