import { describe, expect, it } from 'vitest';
import { formatAddress } from './address.js';
import { decodeFrame, hexBytes, patched } from './testing/frames.js';

// 00:24:7e:e0:1d:b5 > 00:13:7f:be:8c:ff, IPv4, length 74: (tos 0x0, ttl 64, id 52949, offset 0, flags [DF], proto TCP (6), length 60)
//   141.142.220.118.48649 > 208.80.152.118.80: Flags [S], seq 1469983073, win 5840, options [mss 1460,sackOK,TS val 1828788 ecr 0,nop,wscale 7], length 0
const SYN = '00137fbe8cff00247ee01db508004500003cced540004006991a8d8edc76d0509876be090050579e296100000000a00216d0373b0000020405b40402080a001be7b40000000001030307';

describe('decodeIpv4', () => {
  it('reads addresses (as IPv4-mapped words), TTL, id and protocol', () => {
    const p = decodeFrame(SYN);
    expect(formatAddress(p.src, 4)).toBe('141.142.220.118');
    expect(Array.from(p.dst)).toEqual([0, 0, 0xffff, 0xd0509876]);
    expect([p.ipVersion, p.ipOffset, p.ipTotalLength, p.ttl, p.ipId, p.ipProto]).toEqual([4, 14, 60, 64, 52949, 6]);
    expect([p.ipFragmentOffset, p.anomaly]).toEqual([-1, '']);
  });

  it('skips options (IHL 6) and finds the transport header after them', () => {
    // the SYN with a 4-byte Router Alert option (94 04 00 00) inserted, IHL 6, total length 64
    const frame = hexBytes(SYN.slice(0, 28) + '4600004' + '0' + SYN.slice(36, 68) + '94040000' + SYN.slice(68));
    const p = decodeFrame(frame);
    expect([p.dstPort, p.mss, p.anomaly]).toEqual([80, 1460, '']);
  });

  it('drops an Ethernet trailer: the transport sees only the datagram', () => {
    const p = decodeFrame(hexBytes(SYN + '000000000000'));
    expect([p.payloadLength, p.anomaly]).toEqual([0, '']);
  });

  it.each([
    ['truncated_ip', hexBytes(SYN).subarray(0, 33)],
    ['ip_version_mismatch', patched(SYN, 14, 0x65)],
    ['bad_ip_header_length', patched(SYN, 14, 0x44)],
    ['truncated_ip', patched(SYN, 14, 0x4f).subarray(0, 70)],
    ['bogus_ip_header_lengths', patched(SYN, 16, 0x00, 0x10)],
  ])('stops at a broken header: %s', (code, frame) => {
    const p = decodeFrame(frame);
    expect([p.anomaly, p.ipVersion, p.srcPort]).toEqual([code, 0, 0]);
  });

  it('notes ip_total_length_exceeds_capture on an uncut frame and still decodes TCP', () => {
    const p = decodeFrame(patched(SYN, 16, 0x01, 0x00));
    expect([p.anomaly, p.dstPort, p.payloadWireLength]).toEqual(['ip_total_length_exceeds_capture', 80, 256 - 20 - 40]);
  });

  it('takes a snaplen cut as no anomaly', () => {
    const p = decodeFrame(hexBytes(SYN).subarray(0, 60), { origLen: 74 });
    expect([p.anomaly, p.ipTotalLength, p.capTruncated]).toEqual(['truncated_tcp_header', 60, true]);
    expect(decodeFrame(patched(SYN, 16, 0x01, 0x00), { origLen: 270 }).anomaly).toBe('');
  });

  it('reads a zero total length (segmentation offload) as the captured length, noting bogus_ip_header_lengths', () => {
    const p = decodeFrame(patched(SYN, 16, 0, 0));
    expect([p.anomaly, p.ipTotalLength, p.dstPort]).toEqual(['bogus_ip_header_lengths', 60, 80]);
  });
});
