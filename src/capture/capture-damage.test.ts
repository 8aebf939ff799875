import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { Prng } from '../synth/prng.js';
import { fingerprint, type CollectedPacket } from './collecting-sink.js';
import { parseBytes } from './parse-bytes.js';

/** Real files of both formats; all corpus pcapng files are little-endian. */
const FILES = [
  'pcaps/scan/evilfingers_nmap_TCP_SYN_SCAN.pcap',
  'pcaps/misc/zeek_ftp_bruteforce.pcap',
  'pcaps/linktypes/zeek_nanosecond_get-to-ssh-server.pcap',
  'pcaps/misc/chrissanders_arppoison.pcapng',
  'pcaps/pcapng/zeek_pcapng-multi-interface.pcapng',
];
const CASES_PER_FILE = 40;
/** A damaged copy must parse within this many ms (the clean files take a few). */
const PARSE_BUDGET_MS = 2000;
/** Chunk size that puts many records across chunk boundaries while resynchronising. */
const SMALL_CHUNK = 997;

interface Record { start: number; end: number; packet: CollectedPacket }

/** The clean read, with each packet's record span in the file. */
function cleanRecords(bytes: Uint8Array, pcapng: boolean): Record[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return parseBytes(bytes).sink.packets.map((packet) => ({
    start: packet.fileOffset,
    end: packet.fileOffset + (pcapng ? view.getUint32(packet.fileOffset + 4, true) : 16 + packet.caplen),
    packet,
  }));
}

function timed(bytes: Uint8Array, split?: number) {
  const started = performance.now();
  const result = parseBytes(bytes, split);
  expect(performance.now() - started).toBeLessThan(PARSE_BUDGET_MS);
  return result;
}

function key(p: CollectedPacket): string {
  return fingerprint(p);
}

/** The fingerprint without the frame number, which shifts when packets before are lost. */
function content(p: CollectedPacket): string {
  return fingerprint(p, false);
}

describe.skipIf(!haveCorpus).each(FILES)('damaged copies of %s', (file) => {
  const original = new Uint8Array(readFileSync(corpus(file)));
  const pcapng = file.endsWith('.pcapng');
  const records = cleanRecords(original, pcapng);

  it('truncated at many offsets: keeps every complete record, reports the cut record', () => {
    const prng = new Prng(0x7_2ac3);
    for (let n = 0; n < CASES_PER_FILE; n++) {
      const cut = prng.int(1, original.length - 1);
      const { sink, summary } = timed(original.subarray(0, cut), n % 2 ? SMALL_CHUNK : undefined);
      const complete = records.filter((r) => r.end <= cut);
      expect(sink.packets.map(key)).toEqual(complete.map((r) => key(r.packet)));
      const straddling = records.find((r) => r.start < cut && r.end > cut);
      if (straddling) {
        expect(summary.truncated).toBe(true);
        expect(sink.problems).toEqual([expect.objectContaining({ code: 'capture_truncated', offset: straddling.start })]);
      }
    }
  });

  it('with a length field blown up: reports it at the record, keeps everything before, recovers after', () => {
    const prng = new Prng(0xb1_7f11);
    for (let n = 0; n < CASES_PER_FILE; n++) {
      const victim = records[prng.int(0, records.length - 1)];
      const bytes = original.slice();
      // pcap caplen or pcapng block length: setting bit 24 makes it implausible in both.
      bytes[victim.start + (pcapng ? 4 : 8) + 3] ^= 0x01;
      const { sink } = timed(bytes, n % 2 ? SMALL_CHUNK : undefined);
      expect(sink.problems[0]).toMatchObject({ code: pcapng ? 'pcapng_bad_block_length' : 'pcap_bad_caplen', offset: victim.start });
      const got = new Set(sink.packets.map(content));
      expect(records.filter((r) => r !== victim && !got.has(content(r.packet)))).toEqual([]);
    }
  });

  it('with a damaged time and then a blown-up length: still recovers after the second damage', () => {
    const prng = new Prng(0x71_3e);
    for (let n = 0; n < CASES_PER_FILE / 4; n++) {
      const index = prng.int(0, records.length - 2);
      const [timeVictim, lengthVictim] = [records[index], records[index + 1]];
      const bytes = original.slice();
      bytes[timeVictim.start + (pcapng ? 15 : 3)] ^= 0x40;
      bytes[lengthVictim.start + (pcapng ? 4 : 8) + 3] ^= 0x01;
      const got = new Set(timed(bytes).sink.packets.map(content));
      expect(records.filter((r) => r !== timeVictim && r !== lengthVictim && !got.has(content(r.packet)))).toEqual([]);
    }
  });

  it('with single bit flips in record headers: no exception, the prefix kept, most later packets recovered', () => {
    const prng = new Prng(0x5eed);
    let expected = 0;
    let recovered = 0;
    for (let n = 0; n < CASES_PER_FILE; n++) {
      const victim = records[prng.int(0, records.length - 1)];
      const at = victim.start + prng.int(0, pcapng ? 27 : 15);
      const bytes = original.slice();
      bytes[at] ^= 1 << prng.int(0, 7);
      const whole = timed(bytes);
      const chunked = timed(bytes, SMALL_CHUNK);
      expect(chunked.sink.packets.map(key)).toEqual(whole.sink.packets.map(key));
      expect(chunked.sink.problems).toEqual(whole.sink.problems);
      const before = records.filter((r) => r.end <= victim.start);
      expect(whole.sink.packets.slice(0, before.length).map(key)).toEqual(before.map((r) => key(r.packet)));
      for (const p of whole.sink.problems) expect(p.offset).toBeGreaterThanOrEqual(victim.start);
      const got = new Set(whole.sink.packets.map(content));
      const after = records.filter((r) => r.start >= victim.end);
      expected += after.length;
      recovered += after.filter((r) => got.has(content(r.packet))).length;
    }
    expect(recovered / expected).toBeGreaterThan(0.95);
  });

  it('with random bytes overwritten anywhere: no exception, bounded time, sane output', () => {
    const prng = new Prng(0xda_3a6e);
    for (let n = 0; n < CASES_PER_FILE; n++) {
      const bytes = original.slice();
      const at = prng.int(0, original.length - 1);
      const span = prng.int(1, 64);
      for (let i = at; i < Math.min(original.length, at + span); i++) bytes[i] = prng.int(0, 255);
      const { sink, summary } = timed(bytes, n % 2 ? SMALL_CHUNK : undefined);
      expect(summary.packets).toBe(sink.packets.length);
      expect(sink.packets.filter((p) => p.caplen !== p.data.length || p.tsNsec >= 1e9 || p.fileOffset + p.caplen > bytes.length)).toEqual([]);
      const before = records.filter((r) => r.end <= at);
      expect(sink.packets.slice(0, before.length).map(key)).toEqual(before.map((r) => key(r.packet)));
    }
  });
});
