import { describe, expect, it } from 'vitest';
import { plainRow, plainValue } from './plain-row.js';

describe('plainValue', () => {
  it('turns safe bigints into numbers and others into decimal strings', () => {
    expect(plainValue(42n)).toBe(42);
    expect(plainValue(2n ** 60n)).toBe('1152921504606846976');
    expect(plainValue([1n, null, 'a'])).toEqual([1, null, 'a']);
    expect(plainRow({ a: -5n, b: 1.5 })).toEqual({ a: -5, b: 1.5 });
  });
});
