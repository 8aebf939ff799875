import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

const NULL = 0, LOOP = 108;
// IP 127.0.0.1.5353 > 127.0.0.1.53: UDP, length 0 (after a 4-byte family header)
const IPV4_UDP = '4500001c000100004011 7cca 7f000001 7f000001 14e9003500080000';
// IP6 ::1.5353 > ::1.53: UDP, length 0
const IPV6_UDP = '6000000000081140 00000000000000000000000000000001 00000000000000000000000000000001 14e90035000800 00';

describe('decodeNull', () => {
  it('reads AF_INET in host (little-endian) order', () => {
    const p = decodeFrame(hexBytes('02000000' + IPV4_UDP), { linkType: NULL });
    expect([p.etherType, p.dstPort, p.anomaly]).toEqual([0x0800, 53, '']);
    expect(formatAddress(p.src, 4)).toBe('127.0.0.1');
  });

  it('reads AF_INET in network order (LINKTYPE_LOOP)', () => {
    expect(decodeFrame(hexBytes('00000002' + IPV4_UDP), { linkType: LOOP }).dstPort).toBe(53);
  });

  it.each([24, 28, 30])('reads AF_INET6 = %i in both byte orders', (family) => {
    const hex = family.toString(16).padStart(2, '0');
    for (const header of [`${hex}000000`, `000000${hex}`]) {
      const p = decodeFrame(hexBytes(header + IPV6_UDP), { linkType: NULL });
      expect([p.ipVersion, p.dstPort]).toEqual([6, 53]);
    }
  });

  it('names other families unknown_null_family and cut headers truncated_null_header', () => {
    expect(decodeFrame(hexBytes('07000000' + IPV4_UDP), { linkType: NULL }).anomaly).toBe('unknown_null_family');
    expect(decodeFrame(hexBytes('00ff0000' + IPV4_UDP), { linkType: NULL }).anomaly).toBe('unknown_null_family');
    expect(decodeFrame(hexBytes('020000'), { linkType: NULL }).anomaly).toBe('truncated_null_header');
  });
});
