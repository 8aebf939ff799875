import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.js';
import { decodeFrame, hexBytes, patched } from './testing/frames.js';

// 00:23:ae:a0:0b:33 > b0:c6:9a:da:32:80, IPv6, length 94: (hlim 128, next-header ICMPv6 (58) payload length: 40)
//   2620:0:e00:400e:d1d:db37:beb:5aac > 2001:4860:8006::63: ICMP6, echo request, id 1, seq 3
const PING6 = 'b0c69ada32800023aea00b3386dd6000000000283a80262000000e00400e0d1ddb370beb5aac2001486080060000000000000000006380002910000100036162636465666768696a6b6c6d6e6f7071727374757677616263646566676869';

describe('decodeIpv6', () => {
  it('reads addresses, hop limit, payload length and the upper protocol', () => {
    const p = decodeFrame(PING6);
    expect(formatAddress(p.src, 6)).toBe('2620:0:e00:400e:d1d:db37:beb:5aac');
    expect(formatAddress(p.dst, 6)).toBe('2001:4860:8006::63');
    expect([p.ipVersion, p.ttl, p.ipTotalLength, p.ipProto, p.icmpType, p.payloadLength]).toEqual([6, 128, 80, 58, 128, 32]);
    expect(p.anomaly).toBe('');
  });

  it('names a cut header truncated_ipv6 and another version ip_version_mismatch', () => {
    expect(decodeFrame(hexBytes(PING6).subarray(0, 53)).anomaly).toBe('truncated_ipv6');
    expect(decodeFrame(patched(PING6, 14, 0x40)).anomaly).toBe('ip_version_mismatch');
  });

  it('notes ip_total_length_exceeds_capture unless the snaplen cut the frame', () => {
    expect(decodeFrame(patched(PING6, 18, 0x01, 0x00)).anomaly).toBe('ip_total_length_exceeds_capture');
    expect(decodeFrame(patched(PING6, 18, 0x01, 0x00), { origLen: 310 }).anomaly).toBe('');
  });
});
