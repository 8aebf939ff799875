import { describe, expect, it } from 'vitest';
import { zeekTsvValue } from './zeek-value.js';

describe('zeekTsvValue', () => {
  it('writes values as Zeek does', () => {
    expect(zeekTsvValue(1672843056.913119, 'time')).toBe('1672843056.913119');
    expect(zeekTsvValue(0.1, 'interval')).toBe('0.100000');
    expect(zeekTsvValue(3128, 'port')).toBe('3128');
    expect(zeekTsvValue(true, 'bool')).toBe('T');
    expect(zeekTsvValue(false, 'bool')).toBe('F');
    expect(zeekTsvValue(null, 'count')).toBe('-');
    expect(zeekTsvValue('', 'string')).toBe('(empty)');
    expect(zeekTsvValue([], 'set[string]')).toBe('(empty)');
    expect(zeekTsvValue(['http', 'a,b'], 'set[string]')).toBe('http,a\\x2cb');
    expect(zeekTsvValue([1.5, 30], 'vector[interval]')).toBe('1.500000,30.000000');
  });

  it('escapes strings that would read as markers', () => {
    expect(zeekTsvValue('-', 'string')).toBe('\\x2d');
    expect(zeekTsvValue('(empty)', 'string')).toBe('\\x28empty)');
    expect(zeekTsvValue('--', 'string')).toBe('--');
  });
});
