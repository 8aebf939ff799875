import { describe, expect, it } from 'vitest';
import { formatMac } from './address.js';
import { decodeFrame, hexBytes, patched } from './testing/frames.js';

// 00:25:b3:bf:91:ee > 00:21:70:c0:56:f0, ethertype ARP (0x0806), length 60: Request who-has 172.16.0.107 tell 172.16.0.1, length 46
const ARP = '002170c056f00025b3bf91ee080600010800060400010025b3bf91eeac100001000000000000ac10006b000000000000000000000000000000000000';

describe('decodeArp', () => {
  it('reads operation, sender and target', () => {
    const p = decodeFrame(ARP);
    expect(p.arpOp).toBe(1);
    expect(formatMac(p.arpSenderMac)).toBe('00:25:b3:bf:91:ee');
    expect([p.arpSenderIp, p.arpTargetMac, p.arpTargetIp]).toEqual([0xac100001, 0, 0xac10006b]);
    expect(p.ipVersion).toBe(0);
  });

  it('decodes RARP (0x8035) the same way', () => {
    expect(decodeFrame(patched(ARP, 12, 0x80, 0x35)).arpOp).toBe(1);
  });

  it('names other address sizes corrupt_arp_header', () => {
    expect(decodeFrame(patched(ARP, 18, 8)).anomaly).toBe('corrupt_arp_header');
  });

  it('names a cut message truncated_arp', () => {
    expect(decodeFrame(hexBytes(ARP).subarray(0, 20)).anomaly).toBe('truncated_arp');
    expect(decodeFrame(hexBytes(ARP).subarray(0, 40)).anomaly).toBe('truncated_arp');
  });
});
