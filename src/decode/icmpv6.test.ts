import { describe, expect, it } from 'vitest';
import { decodeFrame, hexBytes } from './testing/frames.js';

// 2620:0:e00:400e:d1d:db37:beb:5aac > 2001:4860:8006::63: ICMP6, echo request, id 1, seq 3
const PING6 = 'b0c69ada32800023aea00b3386dd6000000000283a80262000000e00400e0d1ddb370beb5aac2001486080060000000000000000006380002910000100036162636465666768696a6b6c6d6e6f7071727374757677616263646566676869';

describe('decodeIcmpv6', () => {
  it('reads type and code', () => {
    const p = decodeFrame(PING6);
    expect([p.icmpType, p.icmpCode, p.payloadOffset, p.anomaly]).toEqual([128, 0, 62, '']);
  });

  it('names fewer than 4 bytes truncated_icmpv6_header', () => {
    expect(decodeFrame(hexBytes(PING6).subarray(0, 57), { origLen: 94 }).anomaly).toBe('truncated_icmpv6_header');
  });
});
