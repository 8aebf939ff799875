import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

const NFLOG = 239;
// IP 10.0.2.15.49762 > 93.184.216.34.80: Flags [S], seq 1060289233, win 29200, options [mss 1460,sackOK,TS val 2576958 ecr 0,nop,wscale 7], length 0
const NFLOG_SYN = '0200002a080001000000030005000a0000000000080005000000000208000b000000000008000e0000000000400009004500003ce8ef400040060fe30a00020f5db8d822c26200503f32bad100000000a002721042180000020405b40402080a0027523e0000000001030307';

describe('decodeNflog', () => {
  it('walks the attributes to the payload', () => {
    const p = decodeFrame(NFLOG_SYN, { linkType: NFLOG });
    expect(formatAddress(p.dst, 4)).toBe('93.184.216.34');
    expect([p.dstPort, p.mss, p.windowScale, p.tsVal]).toEqual([80, 1460, 7, 2576958]);
  });

  it('names a zero attribute length bad_nflog_attribute_length', () => {
    const frame = hexBytes(NFLOG_SYN);
    frame.set([0, 0], 4);
    expect(decodeFrame(frame, { linkType: NFLOG }).anomaly).toBe('bad_nflog_attribute_length');
  });

  it('names a record without payload no_nflog_payload, a cut header truncated_nflog_header', () => {
    expect(decodeFrame(hexBytes(NFLOG_SYN).subarray(0, 44), { linkType: NFLOG }).anomaly).toBe('no_nflog_payload');
    expect(decodeFrame(hexBytes('0200'), { linkType: NFLOG }).anomaly).toBe('truncated_nflog_header');
  });
});
