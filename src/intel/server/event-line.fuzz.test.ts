import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseEventLine } from './event-line.js';
import { MAX_INDICATORS_PER_EVENT } from './limits.js';

describe('parseEventLine under fuzzing', () => {
  it('never throws, caps the count and returns only values present in the line', () => {
    const deadline = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;
    const piece = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('url=', 'ip=', 'hash=', '|', '='));
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }).map((p) => p.join('')), (line) => {
      const found = parseEventLine(line);
      expect(found.length).toBeLessThanOrEqual(MAX_INDICATORS_PER_EVENT);
      for (const f of found) {
        expect(line).toContain(`=${f.value}`);
        expect(f.value).not.toContain('|');
      }
    }), { interruptAfterTimeLimit: deadline / 3, numRuns: Number.MAX_SAFE_INTEGER });
  });
});
