import { describe, expect, it } from 'vitest';
import { hexBytes } from './hex-bytes.js';
import { parseBytes } from './parse-bytes.js';


// Section 1, little-endian.
const section1 = `
  0a0d0d0a 28000000 4d3c2b1a 0100 0000 ffffffffffffffff   # SHB, 40 bytes
  0100 0200 68690000  00000000  28000000                   # opt_comment "hi", end
  01000000 28000000 0100 0000 00000400                     # IDB 0: Ethernet, snaplen 262144
  0200 0400 65746830  0900 0100 09000000  00000000 28000000 # if_name "eth0", if_tsresol 9 (ns)
  01000000 34000000 7100 0000 00000100                     # IDB 1: Linux SLL, snaplen 65536
  0300 0400 776c616e  0900 0100 8a000000                   # if_description "wlan", if_tsresol 2^-10
  0e00 0800 1000000000000000  00000000 34000000             # if_tsoffset 16 s, end
  06000000 30000000 00000000 85573416 15cdfbdf 03000000 03000000 01020300  # EPB if 0, 1600000000.123456789
  0100 0300 706b7400  00000000 30000000                    # opt_comment "pkt", end
  06000000 24000000 01000000 7d010000 00024078 01000000 01000000 aa000000 24000000  # EPB if 1, 1600000000.5 + 16
  99000000 10000000 cafebabe 10000000                      # unknown block type 0x99
  03000000 14000000 02000000 bbcc0000 14000000              # SPB, 2 bytes
  02000000 24000000 0100 0000 7d010000 00054078 01000000 01000000 dd000000 24000000  # obsolete PB, if 1
`;
// Section 2, big-endian: interfaces start again from 0.
const section2 = `
  0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffffffffffff 0000001c   # SHB
  00000001 00000014 0065 0000 0000ffff 00000014                     # IDB 0: raw IP, µs
  00000006 00000024 00000000 0005af31 0d9db190 00000001 00000001 ee000000 00000024  # EPB, 1600000100.25
  00000006 00000024 00000001 0005af31 0d9db190 00000001 00000001 ff000000 00000024  # EPB naming if 1: unknown here
`;
const twoSections = hexBytes(section1 + section2);

describe('pcapng reader', () => {
  const { sink, summary } = parseBytes(twoSections);

  it('reads every packet block type across sections of different byte order', () => {
    expect(sink.packets.map((p) => [p.linkType, p.interfaceId, p.tsSec, p.tsNsec, p.caplen, p.origLen, p.data[0]])).toEqual([
      [1, 0, 1600000000, 123456789, 3, 3, 0x01],
      [113, 1, 1600000016, 500000000, 1, 1, 0xaa],
      [1, 0, 0, 0, 2, 2, 0xbb],
      [113, 1, 1600000017, 250000000, 1, 1, 0xdd],
      [101, 0, 1600000100, 250000000, 1, 1, 0xee],
    ]);
    expect(sink.packets.map((p) => p.frameNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(summary).toMatchObject({ format: 'pcapng', packets: 5, linkTypes: [1, 113, 101], truncated: false });
  });

  it('keeps interface names, descriptions and resolutions, and resets them per section', () => {
    expect(summary.interfaces).toEqual([
      { id: 0, linkType: 1, snaplen: 262144, tsUnitsPerSec: 1e9, name: 'eth0' },
      { id: 1, linkType: 113, snaplen: 65536, tsUnitsPerSec: 1024, description: 'wlan' },
      { id: 0, linkType: 101, snaplen: 65535, tsUnitsPerSec: 1e6 },
    ]);
    expect(sink.problems).toHaveLength(1);
    expect(sink.problems[0]).toMatchObject({ code: 'pcapng_unknown_interface', offset: twoSections.length - 36 });
  });

  it('reports section and packet comments with their block offsets', () => {
    expect(sink.comments).toEqual([{ text: 'hi', offset: 0 }, { text: 'pkt', offset: 132 }]);
  });

  it('ignores the earliest/latest of packets without timestamps (SPB)', () => {
    expect(summary.firstTs).toBeCloseTo(1600000000.123456789, 6);
    expect(summary.lastTs).toBeCloseTo(1600000100.25, 6);
  });

  it('gives the same result whatever the chunk size', () => {
    for (const size of [1, 3, 4, 5, 7, 12, 13, 64, 100]) {
      const chunked = parseBytes(twoSections, size);
      expect(chunked.sink.packets).toEqual(sink.packets);
      expect(chunked.sink.problems).toEqual(sink.problems);
    }
  });

  it('resynchronises after a damaged block length and keeps the blocks after it', () => {
    const bytes = twoSections.slice();
    new DataView(bytes.buffer).setUint32(132 + 4, 0x31, true);
    const damaged = parseBytes(bytes);
    expect(damaged.sink.packets.map((p) => p.data[0])).toEqual([0xaa, 0xbb, 0xdd, 0xee]);
    expect(damaged.sink.problems[0]).toMatchObject({ code: 'pcapng_bad_block_length', offset: 132 });
    expect(damaged.sink.problems[0].message).toMatch(/skipped 48 bytes to the next plausible record at offset 180/);
  });

  it('resynchronises after a trailing length mismatch', () => {
    const bytes = twoSections.slice();
    new DataView(bytes.buffer).setUint32(132 + 44, 0x34, true);
    const damaged = parseBytes(bytes);
    expect(damaged.sink.packets.map((p) => p.data[0])).toEqual([0xaa, 0xbb, 0xdd, 0xee]);
    expect(damaged.sink.problems[0]).toMatchObject({ code: 'pcapng_block_length_mismatch', offset: 132 });
  });

  it('reports a bad byte-order magic in a later section header', () => {
    const bytes = twoSections.slice();
    const shb2 = hexBytes(section1).length;
    bytes[shb2 + 8] = 0x00;
    const damaged = parseBytes(bytes);
    expect(damaged.sink.problems[0]).toMatchObject({ code: 'pcapng_bad_byte_order', offset: shb2 + 8 });
    expect(damaged.summary.packets).toBe(4);
  });

  it('cuts simple packets to the first interface snaplen and flags an unsupported if_tsresol', () => {
    const bytes = hexBytes(`
      0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000   # SHB
      01000000 20000000 0100 0000 02000000                              # IDB 0: snaplen 2
      0900 0100 0e000000  00000000 20000000                             # if_tsresol 10^-14: too fine
      03000000 18000000 05000000 a1a2a3a4 a5000000 18000000              # SPB: origLen 5
    `);
    const { sink, summary } = parseBytes(bytes);
    expect(sink.packets.map((p) => [p.caplen, p.origLen, [...p.data]])).toEqual([[2, 5, [0xa1, 0xa2]]]);
    expect(summary.interfaces[0].tsUnitsPerSec).toBe(1e6);
    expect(sink.problems).toEqual([expect.objectContaining({ code: 'pcapng_bad_tsresol', offset: 48 })]);
  });

  it('reports a file cut inside a block', () => {
    const cut = parseBytes(twoSections.subarray(0, 144));
    expect(cut.sink.problems).toEqual([{ code: 'capture_truncated', offset: 132, message: 'input ends 12 bytes into a record of 48 bytes' }]);
    expect(cut.summary).toMatchObject({ packets: 0, truncated: true });
  });
});
