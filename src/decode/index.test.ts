import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { PacketDecoder } from './index.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

// 172.16.0.8.36050 > 64.13.134.52.443: Flags [S], seq 3713172248, win 3072, options [mss 1460], length 0
const SYN = '00260b3107330025b3bf91ee08004500002ce708000036062b6aac100008400d86348cd201bbdd5283180000000060020c002ad40000020405b4';

describe('PacketDecoder', () => {
  it('names a link type without decoder unknown_link_type', () => {
    const p = decodeFrame(SYN, { linkType: 147 });
    expect([p.anomaly, p.srcMac, p.ipVersion]).toEqual(['unknown_link_type', -1, 0]);
  });

  it('counts one anomaly per broken packet in the WeirdCounter', () => {
    const weird = new WeirdCounter();
    const decoder = new PacketDecoder({ weird });
    decodeFrame(SYN, { decoder });
    decodeFrame(hexBytes(SYN).subarray(0, 10), { decoder });
    decodeFrame(hexBytes(SYN).subarray(0, 10), { decoder });
    decodeFrame(SYN, { decoder, linkType: 147 });
    expect(weird.toJSON()).toEqual({ truncated_ethernet_frame: 2, unknown_link_type: 1 });
  });

  it('resets every field between packets', () => {
    const decoder = new PacketDecoder();
    const first = decodeFrame(SYN, { decoder });
    expect(first.dstPort).toBe(443);
    const out = decodeFrame(hexBytes(SYN).subarray(0, 10), { decoder });
    expect([out.dstPort, out.mss, out.ipVersion, out.srcMac]).toEqual([0, -1, 0, -1]);
  });
});
