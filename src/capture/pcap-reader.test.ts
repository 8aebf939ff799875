import { describe, expect, it } from 'vitest';
import { hexBytes } from './hex-bytes.js';
import { parseBytes } from './parse-bytes.js';


// Big-endian microsecond pcap, snaplen 65535, Ethernet; as `od -An -tx1` shows it.
const bigEndianUs = hexBytes(`
  a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000001
  5f5e1000 000f423f 00000004 00000004 deadbeef
  5f5e1001 00000001 00000002 0000003c 0102
`);

// Little-endian nanosecond pcap, LINKTYPE_LINUX_SLL (113).
const littleEndianNs = hexBytes(`
  4d3cb2a1 0200 0400 00000000 00000000 ffff0000 71000000
  00e1f505 ffc99a3b 01000000 01000000 aa
`);

/** Three little-endian µs records of 4 bytes each, one second apart. */
function threeRecords(): Uint8Array {
  return hexBytes(`
    d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000
    00e1f505 00000000 04000000 04000000 01010101
    01e1f505 00000000 04000000 04000000 02020202
    02e1f505 00000000 04000000 04000000 03030303
  `);
}

describe('pcap reader', () => {
  it('reads big-endian microsecond files, keeping snaplen-cut frames', () => {
    const { sink, summary } = parseBytes(bigEndianUs);
    expect(summary).toMatchObject({ format: 'pcap', packets: 2, linkTypes: [1], problems: 0, truncated: false });
    expect(sink.packets.map((p) => [p.tsSec, p.tsNsec, p.caplen, p.origLen, p.fileOffset, p.frameNumber])).toEqual([
      [1600000000, 999999000, 4, 4, 24, 1],
      [1600000001, 1000, 2, 60, 44, 2],
    ]);
    expect([...sink.packets[0].data]).toEqual([0xde, 0xad, 0xbe, 0xef]);
    expect(summary.firstTs).toBeCloseTo(1600000000.999999, 6);
    expect(summary.lastTs).toBeCloseTo(1600000001.000001, 6);
  });

  it('reads little-endian nanosecond files with their link type', () => {
    const { sink, summary } = parseBytes(littleEndianNs);
    expect(summary.interfaces).toEqual([{ id: 0, linkType: 113, snaplen: 65535, tsUnitsPerSec: 1e9 }]);
    expect(sink.packets[0]).toMatchObject({ tsSec: 100000000, tsNsec: 999999999, linkType: 113, caplen: 1 });
  });

  it('gives the same packets whatever the chunk size', () => {
    const whole = parseBytes(threeRecords()).sink.packets;
    for (let size = 1; size <= 40; size++) expect(parseBytes(threeRecords(), size).sink.packets).toEqual(whole);
  });

  it('resynchronises after an implausible caplen and keeps the packets on both sides', () => {
    const bytes = threeRecords();
    new DataView(bytes.buffer).setUint32(44 + 8, 0xffffffff, true);
    const { sink, summary } = parseBytes(bytes);
    expect(sink.packets.map((p) => p.data[0])).toEqual([1, 3]);
    expect(sink.problems).toHaveLength(1);
    expect(sink.problems[0]).toMatchObject({ code: 'pcap_bad_caplen', offset: 44 });
    expect(sink.problems[0].message).toMatch(/caplen 4294967295 is above the 262144-byte limit; skipped 20 bytes to the next plausible record at offset 64/);
    expect(summary.problems).toBe(1);
  });

  it('keeps a record whose caplen is above its original length when the next record lines up', () => {
    const bytes = threeRecords();
    new DataView(bytes.buffer).setUint32(44 + 12, 2, true);
    const { sink } = parseBytes(bytes, 50);
    expect(sink.packets.map((p) => [p.data[0], p.caplen, p.origLen])).toEqual([[1, 4, 4], [2, 4, 2], [3, 4, 4]]);
    expect(sink.problems).toEqual([expect.objectContaining({ code: 'pcap_caplen_above_origlen', offset: 44 })]);
  });

  it('treats caplen above the original length as damage when the next record does not line up', () => {
    const bytes = threeRecords();
    new DataView(bytes.buffer).setUint32(44 + 8, 6, true);
    const { sink } = parseBytes(bytes);
    expect(sink.packets.map((p) => p.data[0])).toEqual([1, 3]);
    expect(sink.problems).toEqual([expect.objectContaining({ code: 'pcap_bad_caplen', offset: 44 })]);
  });

  it('reports a file cut inside a record with its offset and keeps the packets before', () => {
    const { sink, summary } = parseBytes(threeRecords().subarray(0, 70));
    expect(sink.packets.map((p) => p.data[0])).toEqual([1, 2]);
    expect(sink.problems).toEqual([{ code: 'capture_truncated', offset: 64, message: 'input ends 6 bytes into a record of 16 bytes' }]);
    expect(summary.truncated).toBe(true);
  });

  it('carries an out-of-range sub-second field into the seconds and says so', () => {
    const bytes = threeRecords();
    new DataView(bytes.buffer).setUint32(24 + 4, 2_500_000, true);
    const { sink } = parseBytes(bytes);
    expect(sink.packets[0]).toMatchObject({ tsSec: 100000002, tsNsec: 500_000_000 });
    expect(sink.problems[0]).toMatchObject({ code: 'pcap_bad_timestamp', offset: 28 });
  });

  it('reports a header cut short and an unknown magic', () => {
    expect(parseBytes(bigEndianUs.subarray(0, 10)).sink.problems[0]).toMatchObject({ code: 'capture_truncated', offset: 0 });
    expect(parseBytes(bigEndianUs.subarray(0, 3)).sink.problems[0]).toMatchObject({ code: 'capture_unknown_format', message: 'input ends at offset 3 before a capture file header is complete' });
    expect(parseBytes(hexBytes('00112233 44556677')).sink.problems[0]).toMatchObject({ code: 'capture_unknown_format', message: 'unknown file format at offset 0 (magic 0x00112233)' });
  });
});
