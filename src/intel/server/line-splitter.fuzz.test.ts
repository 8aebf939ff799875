import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineSplitter } from './line-splitter.js';

describe('LineSplitter under fuzzing', () => {
  it('yields the same lines however the stream is chunked, never holding more than the limit', () => {
    const deadline = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), (bytes, cuts, max) => {
      const run = (pieces: Buffer[]) => {
        const out: string[] = [];
        let peak = 0;
        const splitter = new LineSplitter(max, { line: (t) => out.push(t), overflow: (n) => out.push(`<${n}>`) });
        for (const p of pieces) { splitter.push(p, 0); peak = Math.max(peak, splitter.bufferedBytes); }
        expect(peak).toBeLessThanOrEqual(max);
        return out;
      };
      const buffer = Buffer.from(bytes);
      const points = [...new Set(cuts.filter((c) => c < buffer.length))].sort((a, b) => a - b);
      const pieces = [0, ...points].map((start, i) => buffer.subarray(start, points[i] ?? buffer.length));
      expect(run(pieces)).toEqual(run([buffer]));
    }), { interruptAfterTimeLimit: deadline / 2, numRuns: Number.MAX_SAFE_INTEGER });
  });
});
