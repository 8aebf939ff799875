import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { PacketDecoder } from './index.js';
import { buildPacket, packetSpec } from './testing/packet-builder.js';
import { decodeFrame, saneOutput } from './testing/frames.js';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
const LINK_TYPES = [0, 1, 12, 101, 108, 113, 228, 229, 239, 276];

/** A valid frame with some bytes overwritten and maybe cut: the mutations a fuzzer would try. */
const mutatedFrame = fc.record({
  spec: packetSpec,
  edits: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
  linkType: fc.option(fc.constantFrom(...LINK_TYPES), { nil: undefined }),
}).map(({ spec, edits, cut, linkType }) => {
  const built = buildPacket(spec);
  const bytes = built.bytes;
  for (const [at, value] of edits) bytes[at % bytes.length] = value;
  return { bytes: cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1)), linkType: linkType ?? built.linkType };
});

describe('decoder fuzz', () => {
  it('mutated frames never throw and give sane output', () => {
    fc.assert(fc.property(mutatedFrame, ({ bytes, linkType }) => saneOutput(decodeFrame(bytes, { linkType }))),
      { interruptAfterTimeLimit: FUZZ_MS / 2, numRuns: Number.MAX_SAFE_INTEGER });
  });

  it('a stream of mutated fragments through one decoder never throws and stays bounded', () => {
    const weird = new WeirdCounter();
    const decoder = new PacketDecoder({ weird, limits: { maxFragmentDatagrams: 16, maxFragmentBytes: 4096 } });
    let tsSec = 0;
    // Same addresses and id, "more fragments" and a small offset: most frames join one of a few datagrams.
    const fragment = mutatedFrame.chain((frame) => fc.tuple(fc.constant(frame), fc.nat(3), fc.boolean()));
    fc.assert(fc.property(fragment, ([{ bytes, linkType }, offsetUnits, more]) => {
      const ip = linkType === 1 && bytes.length > 22 && bytes[12] === 0x08 && bytes[13] === 0x00 ? 14 : -1;
      if (ip >= 0) {
        bytes.set([0, offsetUnits & 1, more ? 0x20 : 0, offsetUnits], ip + 4);
        bytes.fill(1, ip + 12, Math.min(bytes.length, ip + 20));
      }
      const p = decodeFrame(bytes, { linkType, decoder, tsSec: tsSec++ });
      return saneOutput(p) && decoder.pendingFragments <= 16;
    }), { interruptAfterTimeLimit: FUZZ_MS / 2, numRuns: Number.MAX_SAFE_INTEGER });
    for (const name of weird.counts.keys()) expect(name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
  });
});
