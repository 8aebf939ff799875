import { describe, expect, it } from 'vitest';
import { TCP_SYN } from './packet.js';
import { decodeFrame, hexBytes, patched } from './testing/frames.js';

// 141.142.220.118.48649 > 208.80.152.118.80: Flags [S], seq 1469983073, win 5840, options [mss 1460,sackOK,TS val 1828788 ecr 0,nop,wscale 7], length 0
const SYN = '00137fbe8cff00247ee01db508004500003cced540004006991a8d8edc76d0509876be090050579e296100000000a00216d0373b0000020405b40402080a001be7b40000000001030307';
// 172.16.0.8.36050 > 64.13.134.52.443: Flags [S], seq 3713172248, win 3072, options [mss 1460], length 0, plus 4 bytes "GET "
const SYN_DATA = '00260b3107330025b3bf91ee080045000030e708000036062b6aac100008400d86348cd201bbdd5283180000000060020c002ad40000020405b447455420';
const TCP = 34;

describe('decodeTcp', () => {
  it('reads ports, sequence numbers, flags, window and options', () => {
    const p = decodeFrame(SYN);
    expect([p.srcPort, p.dstPort, p.seq, p.ack, p.tcpFlags, p.window]).toEqual([48649, 80, 1469983073, 0, TCP_SYN, 5840]);
    expect([p.mss, p.sackPermitted, p.tsVal, p.tsEcr, p.windowScale]).toEqual([1460, true, 1828788, 0, 7]);
    expect([p.payloadOffset, p.payloadLength, p.payloadWireLength, p.anomaly]).toEqual([74, 0, 0, '']);
  });

  it('points the payload at the bytes after the header', () => {
    const p = decodeFrame(SYN_DATA);
    expect([p.payloadOffset, p.payloadLength, p.payloadWireLength]).toEqual([58, 4, 4]);
    expect(Buffer.from(p.data.subarray(p.payloadOffset, p.payloadOffset + p.payloadLength)).toString()).toBe('GET ');
  });

  it('reports the wire payload length when the snaplen cut it', () => {
    const p = decodeFrame(hexBytes(SYN_DATA).subarray(0, 60), { origLen: 62 });
    expect([p.payloadLength, p.payloadWireLength, p.anomaly]).toEqual([2, 4, '']);
  });

  it('names fewer than 20 bytes truncated_tcp_header (no fields)', () => {
    const p = decodeFrame(patched(SYN, 16, 0x00, 0x27).subarray(0, 53));
    expect([p.anomaly, p.srcPort]).toEqual(['truncated_tcp_header', 0]);
  });

  it('keeps the fixed fields when the data offset is below 5 or beyond the datagram: bad_tcp_header_length', () => {
    for (const offsetByte of [0x40, 0xf0]) {
      const p = decodeFrame(patched(SYN, TCP + 12, offsetByte));
      expect([p.anomaly, p.dstPort, p.mss, p.payloadLength]).toEqual(['bad_tcp_header_length', 80, -1, 0]);
    }
  });

  it('keeps the fixed fields and the captured options when the capture cut the header: truncated_tcp_header', () => {
    const p = decodeFrame(hexBytes(SYN).subarray(0, 68), { origLen: 74 });
    expect([p.anomaly, p.tcpFlags, p.mss, p.sackPermitted, p.tsVal, p.payloadOffset]).toEqual(['truncated_tcp_header', TCP_SYN, 1460, true, -1, 68]);
  });
});
