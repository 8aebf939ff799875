import { describe, expect, it } from 'vitest';
import { wordlist } from './wordlist.js';

describe('wordlist', () => {
  it('puts the password at the asked position, once', () => {
    const w = wordlist('Summer2024', 30);
    expect(w[29]).toBe('Summer2024');
    expect(w.filter((x) => x === 'Summer2024')).toHaveLength(1);
    expect(wordlist('123456', 5).indexOf('123456')).toBe(4);
  });

  it('rejects a position outside the list', () => {
    expect(() => wordlist('x', 0)).toThrow(RangeError);
    expect(() => wordlist('x', 99)).toThrow('Cannot place the password at position 99');
  });
});
