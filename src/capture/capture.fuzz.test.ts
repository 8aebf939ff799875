import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { MAX_CAPLEN } from './limits.js';
import { parseBytes } from './parse-bytes.js';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
/** Small real files of both formats, several link types and resolutions. */
const SEEDS = [
  'pcaps/scan/zeek_vnc-scanner.pcap',
  'pcaps/linktypes/zeek_nanosecond_get-to-ssh-server.pcap',
  'pcaps/linktypes/zeek_linux_dlt_sll2.pcap',
  'pcaps/pcapng/zeek_pcapng-multi-interface.pcapng',
  'pcaps/malformed/zeek_tcp-truncated-header.pcap',
  'pcaps/vlan/zeek_vlan-pcp-dei.pcapng',
].map((file) => new Uint8Array(readFileSync(corpus(file))));

type Mutation = { kind: 'flip' | 'set' | 'cut' | 'drop' | 'insert' | 'repeat'; at: number; size: number; value: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'set', 'cut', 'drop', 'insert', 'repeat'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  size: fc.integer({ min: 1, max: 64 }),
  value: fc.nat({ max: 255 }),
});

/** Applies one mutation at a relative position of the file. */
function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  const end = Math.min(bytes.length, at + m.size);
  const out = Buffer.from(bytes);
  switch (m.kind) {
    case 'flip': out[at] ^= 1 << (m.value & 7); return out;
    case 'set': out.fill(m.value, at, end); return out;
    case 'cut': return out.subarray(0, at);
    case 'drop': return Buffer.concat([out.subarray(0, at), out.subarray(end)]);
    case 'insert': return Buffer.concat([out.subarray(0, at), Buffer.alloc(m.size, m.value), out.subarray(at)]);
    case 'repeat': return Buffer.concat([out.subarray(0, end), out.subarray(at, end), out.subarray(end)]);
  }
}

describe.skipIf(!haveCorpus)('capture parser fuzz (mutated corpus files)', () => {
  it('never throws and always gives sane packets and problems', () => {
    fc.assert(fc.property(
      fc.nat({ max: SEEDS.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 300 }),
      (seed, mutations, chunk) => {
        const bytes = mutations.reduce(mutate, SEEDS[seed]);
        const { sink, summary } = parseBytes(bytes, chunk);
        expect(summary.packets).toBe(sink.packets.length);
        expect(summary.problems).toBe(sink.problems.length);
        const insane = sink.packets.filter((p, i) => p.frameNumber !== i + 1 || p.caplen !== p.data.length || p.caplen > MAX_CAPLEN
          || !(p.tsNsec >= 0 && p.tsNsec < 1e9) || p.fileOffset + p.caplen > bytes.length);
        expect(insane).toEqual([]);
        for (const problem of sink.problems) {
          expect(problem.code).toMatch(/^[a-z]+(_[a-z]+)+$/);
          expect(problem.offset >= 0 && problem.offset <= bytes.length).toBe(true);
          expect(problem.message).not.toMatch(/[\n\r]/);
        }
        expect(parseBytes(bytes).sink.packets.length).toBe(sink.packets.length);
      },
    ), { interruptAfterTimeLimit: FUZZ_MS, numRuns: Number.MAX_SAFE_INTEGER });
  });
});
