import { describe, expect, it } from 'vitest';
import { encodeInterfaceBlock, encodePacketBlock, encodePcapHeader, encodeSectionHeader } from './capture-encoding.js';
import { newRawPacket } from './packet.js';

function encode(fill: (buf: Uint8Array, view: DataView) => number): string {
  const buf = new Uint8Array(64);
  return Buffer.from(buf.subarray(0, fill(buf, new DataView(buf.buffer)))).toString('hex');
}

describe('capture encoding', () => {
  it('writes the pcap header tcpdump writes (µs, little-endian) and its ns / big-endian variants', () => {
    expect(encode((_, v) => encodePcapHeader(v, 0, { littleEndian: true, nanosecond: false }, 1))).toBe('d4c3b2a1' + '02000400' + '00000000' + '00000000' + '00000400' + '01000000');
    expect(encode((_, v) => encodePcapHeader(v, 0, { littleEndian: false, nanosecond: true }, 113))).toBe('a1b23c4d' + '00020004' + '00000000' + '00000000' + '00040000' + '00000071');
  });

  it('writes section and interface blocks with if_tsresol', () => {
    expect(encode((_, v) => encodeSectionHeader(v, 0, { littleEndian: true, nanosecond: false }))).toBe('0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000');
    expect(encode((_, v) => encodeInterfaceBlock(v, 0, { littleEndian: true, nanosecond: true }, 1))).toBe('0100000020000000010000000000040009000100090000000000000020000000');
  });

  it('pads packet data to 32 bits and splits ns ticks into two words', () => {
    const p = { ...newRawPacket(), tsSec: 1, tsNsec: 5, data: Uint8Array.of(0xaa, 0xbb), origLen: 60 };
    expect(encode((b, v) => encodePacketBlock(b, v, 0, { littleEndian: false, nanosecond: true }, 2, p))).toBe(
      '00000006' + '00000024' + '00000002' + '00000000' + '3b9aca05' + '00000002' + '0000003c' + 'aabb0000' + '00000024');
  });
});
