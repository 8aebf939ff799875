import { describe, expect, it } from 'vitest';
import { decodeFrame, hexBytes } from './testing/frames.js';

// 192.168.1.25 > 192.168.1.10: ICMP 192.168.1.25 udp port 28369 unreachable, length 36
const UNREACHABLE = '001a4b6acefe000c2986c8360800450000386d950000800149bcc0a80119c0a8010a0303808a000000004500001ceaf800003a111265c0a8010ac0a80119f2496ed100081b4f';

describe('decodeIcmp', () => {
  it('reads type and code; the quoted packet is payload, not a second layer', () => {
    const p = decodeFrame(UNREACHABLE);
    expect([p.icmpType, p.icmpCode, p.srcPort, p.dstPort]).toEqual([3, 3, 0, 0]);
    expect([p.payloadOffset, p.payloadLength, p.anomaly]).toEqual([42, 28, '']);
  });

  it('names fewer than 4 bytes truncated_icmp_header', () => {
    const p = decodeFrame(hexBytes(UNREACHABLE).subarray(0, 37), { origLen: 70 });
    expect([p.anomaly, p.icmpType]).toEqual(['truncated_icmp_header', -1]);
  });
});
