import { describe, expect, it } from 'vitest';
import { decodeFrame, hexBytes } from './testing/frames.js';

const ETHER = 'b0c69ada32800023aea00b3386dd';
const ADDRESSES = '20010db8000000000000000000000001' + '20010db8000000000000000000000002';
// ICMP6, echo request, id 1, seq 3 (8 bytes, no data)
const ECHO = '8000000000010003';

/** Ethernet + IPv6 (2001:db8::1 > 2001:db8::2) with first next-header `next` and payload hex. */
function ipv6(next: number, payload: string): Uint8Array {
  const length = (payload.length / 2).toString(16).padStart(4, '0');
  return hexBytes(`${ETHER}60000000${length}${next.toString(16).padStart(2, '0')}40${ADDRESSES}${payload}`);
}

describe('walkIpv6Extensions', () => {
  it('crosses hop-by-hop (router alert), routing and destination options to ICMPv6', () => {
    const hopByHop = '2b00' + '050200000100'; // next routing, len 0: router alert + padN
    const routing = '3c00' + '000000000000'; // next destination options, type 0, segments left 0
    const destination = '3a00' + '010400000000'; // next ICMPv6, PadN
    const p = decodeFrame(ipv6(0, hopByHop + routing + destination + ECHO));
    expect([p.ipProto, p.icmpType, p.payloadOffset, p.anomaly]).toEqual([58, 128, 14 + 40 + 24 + 8, '']);
  });

  it('crosses AH (length in 4-byte units) to TCP', () => {
    const ah = '0604' + '0000' + '00000100' + '00000001' + '000000000000000000000000'; // next TCP, payload len 4 → 24 bytes
    const tcp = '04d2005000000001000000005002ffff00000000';
    const p = decodeFrame(ipv6(51, ah + tcp));
    expect([p.ipProto, p.dstPort, p.tcpFlags]).toEqual([6, 80, 2]);
  });

  it('stops at ESP and at no-next-header, leaving the rest as payload', () => {
    const esp = decodeFrame(ipv6(50, '0000010000000001abcdef'));
    expect([esp.ipProto, esp.payloadLength, esp.anomaly]).toEqual([50, 11, '']);
    const none = decodeFrame(ipv6(60, '3b00000000000000'));
    expect([none.ipProto, none.payloadLength]).toEqual([59, 0]);
  });

  it('crosses an atomic fragment (offset 0, no more fragments; RFC 6946)', () => {
    const p = decodeFrame(ipv6(44, '3a00000012345678' + ECHO));
    expect([p.ipFragmentOffset, p.icmpType, p.reassembled]).toEqual([-1, 128, false]);
  });

  it('stops after 8 extension headers with excessive_ipv6_extension_headers', () => {
    const chain = '3c00000000000000'.repeat(9) + ECHO;
    expect(decodeFrame(ipv6(60, chain)).anomaly).toBe('excessive_ipv6_extension_headers');
  });

  it('names a cut or overlong extension header truncated_ipv6_extension_header', () => {
    expect(decodeFrame(ipv6(0, '3a000000')).anomaly).toBe('truncated_ipv6_extension_header');
    expect(decodeFrame(ipv6(0, '3a05000000000000' + ECHO)).anomaly).toBe('truncated_ipv6_extension_header');
  });
});
