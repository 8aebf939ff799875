import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { CaptureWriter } from './capture-writer.js';
import { CollectingSink } from './collecting-sink.js';
import { newRawPacket, type RawPacket } from './packet.js';
import { readCapture } from './read-capture.js';

const scratch = mkdtempSync(join(tmpdir(), 'tracer-writer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let fileCount = 0;

const packetArb = fc.record({
  tsSec: fc.nat({ max: 0xffffffff }),
  tsNsec: fc.nat({ max: 999_999_999 }),
  data: fc.uint8Array({ maxLength: 90 }),
  extra: fc.nat({ max: 1500 }),
  linkType: fc.constantFrom<number>(1, 113, 276),
});

type GeneratedPacket = typeof packetArb extends fc.Arbitrary<infer T> ? T : never;

/** Writes `packets` through a CaptureWriter and reads them back. */
async function roundTrip(packets: GeneratedPacket[], linkTypes: number[], nanosecond: boolean, bigEndian: boolean) {
  const path = join(scratch, `rt-${fileCount++}.cap`);
  const writer = new CaptureWriter(path, { linkTypes, nanosecond, bigEndian });
  const raw = newRawPacket();
  for (const p of packets) {
    Object.assign(raw, { tsSec: p.tsSec, tsNsec: p.tsNsec, data: p.data, caplen: p.data.length, origLen: p.data.length + p.extra, linkType: p.linkType });
    if (!writer.write(raw)) await writer.drain();
  }
  await writer.close();
  const sink = new CollectingSink();
  const summary = await readCapture(path, sink);
  rmSync(path);
  return { sink, summary, format: writer.format };
}

describe('CaptureWriter', () => {
  it('round-trips random packets through pcap and pcapng, both byte orders, µs and ns', async () => {
    await fc.assert(fc.asyncProperty(fc.array(packetArb, { maxLength: 30 }), fc.boolean(), fc.boolean(), fc.boolean(), async (packets, nanosecond, bigEndian, mixed) => {
      const linkTypes = mixed ? [...new Set(packets.map((p) => p.linkType))] : [1];
      const input = mixed ? packets : packets.map((p) => ({ ...p, linkType: 1 }));
      const { sink, summary, format } = await roundTrip(input, linkTypes, nanosecond, bigEndian);
      expect(summary).toMatchObject({ format, packets: input.length, problems: 0, truncated: false });
      expect(sink.packets.map((p) => [p.tsSec, p.tsNsec, p.caplen, p.origLen, p.linkType, [...p.data]])).toEqual(input.map((p) => [
        p.tsSec, nanosecond ? p.tsNsec : Math.floor(p.tsNsec / 1000) * 1000, p.data.length, p.data.length + p.extra, p.linkType, [...p.data],
      ]));
    }), { numRuns: 60 });
  });

  it('writes pcap for one link type and pcapng for several', async () => {
    const one = new CaptureWriter(join(scratch, 'one.pcap'), { linkTypes: [113] });
    const many = new CaptureWriter(join(scratch, 'many.pcapng'), { linkTypes: [1, 113] });
    expect([one.format, many.format]).toEqual(['pcap', 'pcapng']);
    const p: RawPacket = { ...newRawPacket(), linkType: 1, data: new Uint8Array(4) };
    expect(() => one.write(p)).toThrow(RangeError);
    await Promise.all([one.close(), many.close()]);
  });

  it.skipIf(!haveCorpus)('copies a two-interface capture into a file tshark reads the same', async () => {
    const source = corpus('pcaps/pcapng/zeek_pcapng-multi-interface.pcapng');
    const copies = [1, 2].map((n) => join(scratch, `copy${n}.pcapng`));
    const writers = [new CaptureWriter(copies[0], { linkTypes: [1], nanosecond: true }), new CaptureWriter(copies[1], { linkTypes: [1, 113], nanosecond: true, bigEndian: true })];
    await readCapture(source, { packet: (p) => writers.forEach((w) => w.write(p)) });
    await Promise.all(writers.map((w) => w.close()));
    const fields = (path: string) => spawnSync('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.time_epoch', '-e', 'frame.len', '-e', 'frame.cap_len', '-e', 'eth.src'], { encoding: 'utf8' }).stdout;
    const want = fields(source);
    expect(want.split('\n').length).toBe(7);
    for (const copy of copies) expect(fields(copy)).toBe(want);
  });
});
