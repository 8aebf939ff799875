import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './ip-parse.js';

function v6(text: string): string | null {
  const out = new Uint32Array(4);
  return parseIpv6(text, 0, text.length, out) ? formatIpv6(out) : null;
}

describe('parseIpv4', () => {
  it('parses valid addresses and rejects malformed ones', () => {
    expect(parseIpv4('10.0.0.1', 0, 8)).toBe(0x0a000001);
    expect(parseIpv4('255.255.255.255', 0, 15)).toBe(0xffffffff);
    for (const bad of ['1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1..2.3', 'a.b.c.d', '1.2.3.4 ', '']) {
      expect(parseIpv4(bad, 0, bad.length)).toBe(-1);
    }
  });
  it('round-trips every address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
      const text = formatIpv4(n);
      expect(parseIpv4(text, 0, text.length)).toBe(n);
    }));
  });
});

describe('parseIpv6', () => {
  it('parses compressed, full and IPv4-tailed forms to canonical text', () => {
    expect(v6('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(v6('::')).toBe('::');
    expect(v6('::1')).toBe('::1');
    expect(v6('fe80::')).toBe('fe80::');
    expect(v6('::ffff:1.2.3.4')).toBe('::ffff:102:304');
    expect(v6('2001:db8:1:0:0:1:0:1')).toBe('2001:db8:1::1:0:1');
  });
  it('rejects malformed text', () => {
    for (const bad of ['1:2:3:4:5:6:7', '1::2::3', ':1:2:3:4:5:6:7', '12345::', 'g::', '1:2:3:4:5:6:7:8:9', '1:', '']) {
      expect(v6(bad)).toBeNull();
    }
  });
  it('agrees with Node on random addresses', async () => {
    const { isIPv6 } = await import('node:net');
    fc.assert(fc.property(fc.ipV6(), (text) => {
      expect(v6(text) !== null).toBe(isIPv6(text));
    }));
  });
});
