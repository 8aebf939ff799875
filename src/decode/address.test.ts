import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddress, formatMac, parseAddress } from './address.js';

describe('formatAddress', () => {
  it.each([
    ['2001:db8::1', [0x20010db8, 0, 0, 1]],
    ['::', [0, 0, 0, 0]],
    ['::1', [0, 0, 0, 1]],
    ['fe80::8c36:6ff:fe44:acaf', [0xfe800000, 0, 0x8c3606ff, 0xfe44acaf]],
    ['2001:db8:0:1:1:1:1:1', [0x20010db8, 0x00000001, 0x00010001, 0x00010001]],
    ['2001:0:0:1::1', [0x20010000, 0x00000001, 0, 1]],
    ['2001:db8::1:0:0:1', [0x20010db8, 0, 0x00010000, 1]],
    ['::ffff:192.0.2.1', [0, 0, 0xffff, 0xc0000201]],
  ])('prints IPv6 per RFC 5952: %s', (text, words) => {
    expect(formatAddress(Uint32Array.from(words), 6)).toBe(text);
  });

  it('prints IPv4 from the mapped word', () => {
    expect(formatAddress(Uint32Array.from([0, 0, 0xffff, 0xc0a80001]), 4)).toBe('192.168.0.1');
  });
});

describe('formatMac', () => {
  it('prints six lower-case pairs', () => {
    expect(formatMac(0x00c0e4012ced)).toBe('00:c0:e4:01:2c:ed');
    expect(formatMac(0xffffffffffff)).toBe('ff:ff:ff:ff:ff:ff');
  });
});

describe('parseAddress', () => {
  it('parses IPv4 into the mapped form and IPv6 with :: and a dotted tail', () => {
    expect(Array.from(parseAddress('10.0.0.1') ?? [])).toEqual([0, 0, 0xffff, 0x0a000001]);
    expect(Array.from(parseAddress('2001:DB8::1') ?? [])).toEqual([0x20010db8, 0, 0, 1]);
    expect(Array.from(parseAddress('::ffff:1.2.3.4') ?? [])).toEqual([0, 0, 0xffff, 0x01020304]);
  });

  it.each(['', '1.2.3', '1.2.3.256', '1.2.3.4.5', 'a.b.c.d', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'fe80::1%eth0', '1:2:3:4:5:6:7::8'])(
    'rejects %j', (text) => expect(parseAddress(text)).toBeNull());

  it('round-trips any address through formatAddress (property)', () => {
    fc.assert(fc.property(fc.uint32Array({ minLength: 4, maxLength: 4 }), (words) => {
      const parsed = parseAddress(formatAddress(words, 6));
      return parsed !== null && parsed.every((word, i) => word === words[i]);
    }));
    fc.assert(fc.property(fc.ipV4(), (text) => formatAddress(parseAddress(text) ?? new Uint32Array(4), 4) === text));
  });
});
