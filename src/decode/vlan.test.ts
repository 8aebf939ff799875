import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

// 00:c0:e4:01:2c:ed > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 68: vlan 13, p 0, ethertype 802.1Q (0x8100), vlan 10, p 0,
//   ethertype IPv4: 172.19.51.37.47808 > 172.19.51.63.47808: UDP, length 18
const QINQ = 'ffffffffffff00c0e4012ced8100000d8100000a08004500002e479600004011749eac133325ac13333fbac0bac0001ab9da810b00120120ffff00ff10080a1b591a1b59';

describe('decodeVlan', () => {
  it('keeps the outer and inner VLAN ids of a QinQ frame', () => {
    const p = decodeFrame(QINQ);
    expect([p.vlan, p.innerVlan]).toEqual([13, 10]);
    expect(formatAddress(p.src, 4)).toBe('172.19.51.37');
    expect([p.srcPort, p.dstPort]).toEqual([47808, 47808]);
  });

  it('crosses 802.1ad (0x88a8) and 0x9100 tags too, masking PCP/DEI bits', () => {
    const frame = hexBytes(QINQ);
    frame.set([0x88, 0xa8, 0xe0, 0x0d], 12);
    frame.set([0x91, 0x00], 16);
    const p = decodeFrame(frame);
    expect([p.vlan, p.innerVlan, p.etherType]).toEqual([13, 10, 0x0800]);
  });

  it('names a cut tag truncated_vlan_header', () => {
    expect(decodeFrame(hexBytes(QINQ).subarray(0, 20)).anomaly).toBe('truncated_vlan_header');
  });
});
