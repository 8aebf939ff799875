import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { checkpointMac, GENESIS_HASH, recordHash } from './chain-hash.js';
import { deriveKeys } from './host-key.js';
import { verifyChainLog } from './verify-log.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 3);
const key = deriveKeys(Buffer.alloc(32, 5)).checkpoint;

/** A valid log of `n` records and a checkpoint of all of them. */
function validLog(n: number): { log: string; checkpoints: string } {
  let prev = GENESIS_HASH;
  const lines: string[] = [];
  for (let seq = 0; seq < n; seq++) {
    const record: Record<string, unknown> = { kind: 'birth', ts: seq, inode: seq, seq, prev };
    record.hash = recordHash(record);
    prev = record.hash as string;
    lines.push(canonicalJson(record));
  }
  const checkpoints = n === 0 ? '' : canonicalJson({ count: n, head: prev, ts: 1, mac: checkpointMac(key, n, prev, 1) }) + '\n';
  return { log: lines.map((l) => l + '\n').join(''), checkpoints };
}

describe('verifyChainLog fuzz', () => {
  it('never throws, and flags every byte change of a valid log', () => {
    const edit = fc.record({ n: fc.integer({ min: 1, max: 12 }), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() });
    fc.assert(fc.property(edit, ({ n, at, byte, cut }) => {
      const { log, checkpoints } = validLog(n);
      const bytes = Buffer.from(log);
      const i = at % bytes.length;
      const changed = cut ? bytes.subarray(0, i) : Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i + 1)]);
      const result = verifyChainLog(changed.toString('latin1'), checkpoints, key);
      const sameText = changed.toString('latin1') === log;
      expect(result.problems.length === 0).toBe(sameText);
      for (const p of result.problems) expect(p.line).toBeGreaterThan(0);
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string(), (log, cps) => {
      expect(() => verifyChainLog(log, cps, key)).not.toThrow();
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });
});
