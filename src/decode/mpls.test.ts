import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.js';
import { decodeFrame, hexBytes, patched } from './testing/frames.js';

// 00:30:96:05:28:38 > 00:30:96:e6:fc:39, ethertype MPLS unicast (0x8847), length 62: MPLS (label 29, tc 6, [S], ttl 255)
//   10.1.2.1.11001 > 10.34.0.1.23: Flags [S], seq 2553417723, win 4128, options [mss 536], length 0
const MPLS = '003096e6fc3900309605283888470001ddff45c0002c00000000ff06a4e70a0102010a2200012af9001798320ffb0000000060021020a240000002040218';

describe('decodeMpls', () => {
  it('pops the label and finds IPv4 by its version nibble', () => {
    const p = decodeFrame(MPLS);
    expect(p.mplsLabels).toBe(1);
    expect(formatAddress(p.dst, 4)).toBe('10.34.0.1');
    expect([p.dstPort, p.mss]).toEqual([23, 536]);
  });

  it('pops a two-label stack', () => {
    const frame = hexBytes(MPLS.slice(0, 28) + '0001c0ff' + MPLS.slice(28));
    const p = decodeFrame(frame);
    expect([p.mplsLabels, p.dstPort]).toEqual([2, 23]);
  });

  it('names a payload that is no IP no_ip_in_mpls_payload', () => {
    expect(decodeFrame(patched(MPLS, 18, 0x00)).anomaly).toBe('no_ip_in_mpls_payload');
  });

  it('names a cut stack truncated_mpls_header', () => {
    expect(decodeFrame(hexBytes(MPLS).subarray(0, 16)).anomaly).toBe('truncated_mpls_header');
    expect(decodeFrame(hexBytes(MPLS).subarray(0, 18)).anomaly).toBe('truncated_mpls_header');
  });

  it('stops a stack without bottom after 16 labels with mpls_label_stack_too_deep', () => {
    const frame = new Uint8Array(14 + 4 * 20).fill(0x22);
    frame.set([0x88, 0x47], 12);
    expect(decodeFrame(frame).anomaly).toBe('mpls_label_stack_too_deep');
  });
});
