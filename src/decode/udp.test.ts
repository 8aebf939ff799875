import { describe, expect, it } from 'vitest';
import { decodeFrame, hexBytes, patched } from './testing/frames.js';

// 192.150.187.50.51946 > 68.142.255.16.53: 28079+ TXT? flkr._domainkey.flickr.com. (44)
const DNS = '00127feb3bc1a8206645f7bd0800450000489723000040110000c096bb32448eff10caea00350034bfad6daf0100000100000000000004666c6b720a5f646f6d61696e6b657906666c69636b7203636f6d0000100001';

describe('decodeUdp', () => {
  it('reads ports and points the payload at the DNS message', () => {
    const p = decodeFrame(DNS);
    expect([p.srcPort, p.dstPort, p.payloadOffset, p.payloadLength, p.payloadWireLength, p.anomaly]).toEqual([51946, 53, 42, 44, 44, '']);
  });

  it('notes udp_length_mismatch for a length below 8 or beyond the IP payload, using the IP length', () => {
    for (const length of [[0x00, 0x04], [0x01, 0x00]]) {
      const p = decodeFrame(patched(DNS, 38, ...length));
      expect([p.anomaly, p.dstPort, p.payloadLength]).toEqual(['udp_length_mismatch', 53, 44]);
    }
  });

  it('uses a shorter UDP length for the payload', () => {
    expect(decodeFrame(patched(DNS, 38, 0x00, 0x0c)).payloadLength).toBe(4);
  });

  it('names a cut header truncated_udp_header', () => {
    expect(decodeFrame(hexBytes(DNS).subarray(0, 40), { origLen: 86 }).anomaly).toBe('truncated_udp_header');
  });
});
