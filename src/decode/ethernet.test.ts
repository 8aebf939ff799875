import { describe, expect, it } from 'vitest';
import { formatMac } from './address.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

// 00:25:b3:bf:91:ee > 00:26:0b:31:07:33, ethertype IPv4 (0x0800), length 58: 172.16.0.8.36050 > 64.13.134.52.443: Flags [S], options [mss 1460]
const SYN = '00260b3107330025b3bf91ee08004500002ce708000036062b6aac100008400d86348cd201bbdd5283180000000060020c002ad40000020405b4';

describe('decodeEthernet', () => {
  it('reads both MACs and the EtherType', () => {
    const p = decodeFrame(SYN);
    expect(formatMac(p.srcMac)).toBe('00:25:b3:bf:91:ee');
    expect(formatMac(p.dstMac)).toBe('00:26:0b:31:07:33');
    expect(p.etherType).toBe(0x0800);
    expect(p.anomaly).toBe('');
  });

  it('leaves etherType 0 for an 802.3 length field (LLC follows)', () => {
    // 802.3, length 38: LLC, dsap STP (0x42), ssap STP (0x42), cmd 0x03: STP 802.1d
    const p = decodeFrame('0180c2000000001122334455002642420300000000000000000000000000000000000000000000000000000000000000');
    expect(p.etherType).toBe(0);
    expect(p.ipVersion).toBe(0);
    expect(p.anomaly).toBe('');
  });

  it('names a frame shorter than the header truncated_ethernet_frame', () => {
    const p = decodeFrame(hexBytes(SYN).subarray(0, 13));
    expect(p.anomaly).toBe('truncated_ethernet_frame');
    expect(p.srcMac).toBe(-1);
  });
});
