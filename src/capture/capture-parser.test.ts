import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { CaptureParser } from './capture-parser.js';
import { CollectingSink, fingerprint } from './collecting-sink.js';
import { parseBytes } from './parse-bytes.js';

/** A pcapng with one interface, then a 1 MiB block of an unknown type, then one packet. */
function pcapngWithBigBlock(): Uint8Array {
  const big = 1024 * 1024;
  const bytes = new Uint8Array(28 + 20 + big + 36);
  const view = new DataView(bytes.buffer);
  const block = (at: number, type: number, len: number) => {
    view.setUint32(at, type, true);
    view.setUint32(at + 4, len, true);
    view.setUint32(at + len - 4, len, true);
  };
  block(0, 0x0a0d0d0a, 28);
  view.setUint32(8, 0x1a2b3c4d, true);
  view.setUint16(12, 1, true);
  block(28, 1, 20);
  view.setUint16(36, 1, true);
  block(48, 0x0bad, big);
  block(48 + big, 6, 36);
  view.setUint32(48 + big + 20, 1, true);
  view.setUint32(48 + big + 24, 1, true);
  bytes[48 + big + 28] = 0x42;
  return bytes;
}

describe('CaptureParser', () => {
  it.skipIf(!haveCorpus)('gives the same packets and problems for any split of the input into chunks', () => {
    const file = new Uint8Array(readFileSync(corpus('pcaps/misc/zeek_ftp_bruteforce.pcap')));
    const damaged = file.slice();
    damaged[5000] ^= 0xff;
    damaged[20011] ^= 0x10;
    for (const bytes of [file, damaged]) {
      const whole = parseBytes(bytes);
      fc.assert(fc.property(fc.array(fc.nat({ max: bytes.length }), { maxLength: 60 }), (cuts) => {
        const split = parseBytes(bytes, cuts);
        expect(split.sink.packets.map((p) => fingerprint(p))).toEqual(whole.sink.packets.map((p) => fingerprint(p)));
        expect(split.sink.problems).toEqual(whole.sink.problems);
        expect(split.summary).toEqual(whole.summary);
      }), { numRuns: 30 });
    }
  });

  it('completes a block much larger than the chunks in its carry-over buffer', () => {
    const { sink, summary } = parseBytes(pcapngWithBigBlock(), 4096);
    expect(sink.packets.map((p) => [p.data[0], p.fileOffset])).toEqual([[0x42, 48 + 1024 * 1024]]);
    expect(summary.problems).toBe(0);
  });

  it('passes packets inside a chunk as views of that chunk, without copying', () => {
    const bytes = pcapngWithBigBlock();
    let shared = false;
    const parser = new CaptureParser({ packet: (p) => { shared = p.data.buffer === bytes.buffer; } });
    parser.push(bytes);
    parser.end();
    expect(shared).toBe(true);
  });

  it('stops at an unknown format and ignores what follows', () => {
    const sink = new CollectingSink();
    const parser = new CaptureParser(sink);
    parser.push(Uint8Array.of(0x50, 0x4b, 0x03, 0x04));
    parser.push(pcapngWithBigBlock());
    expect(parser.unrecognized).toMatchObject({ code: 'capture_unknown_format', offset: 0 });
    expect(parser.end()).toMatchObject({ packets: 0, problems: 1, bytes: 4 + pcapngWithBigBlock().length });
  });

  it('reports empty input', () => {
    const parser = new CaptureParser({ packet() {} });
    parser.end();
    expect(parser.unrecognized?.message).toBe('input is empty');
  });
});
