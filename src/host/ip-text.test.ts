import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIp, networkPrefix } from './ip-text.js';
import { formatIpv6 } from './hex-address.js';

describe('canonicalIp', () => {
  it('writes one text per address', () => {
    expect(canonicalIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(canonicalIp('1:0:0:2:0:0:0:3')).toBe('1:0:0:2::3');
    expect(canonicalIp('example.com')).toBeNull();
  });

  it('matches the WHATWG URL serialiser on every non-mapped IPv6 address (property)', () => {
    const isMapped = (b: Uint8Array) => b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((b) => !isMapped(b)), (bytes) => {
      const text = formatIpv6(bytes);
      expect(canonicalIp(text)).toBe(new URL(`http://[${text}]/`).hostname.slice(1, -1));
      expect(canonicalIp(text.toUpperCase())).toBe(text);
    }));
  });
});

describe('networkPrefix', () => {
  it('keeps /24 of IPv4 and /48 of IPv6', () => {
    expect(networkPrefix('198.51.100.77')).toBe('198.51.100.0/24');
    expect(networkPrefix('2001:db8:1234:5678::9')).toBe('2001:db8:1234::/48');
  });
});
