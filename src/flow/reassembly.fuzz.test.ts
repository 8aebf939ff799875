import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STREAM_BUFFERED_BYTES, MAX_UNCONSUMED_BYTES, ReassemblyBudget, StreamReassembler } from './reassembly.js';

const FUZZ_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;

describe('StreamReassembler fuzz', () => {
  it('never throws, stays within its budgets and releases everything on flush', () => {
    const segment = fc.record({
      seq: fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 0xffffffff })),
      flags: fc.integer({ min: 0, max: 255 }),
      length: fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.constant(70_000)),
      tail: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(fc.property(fc.array(segment, { maxLength: 60 }), fc.integer({ min: 0, max: 2 }), (segments, consumeMode) => {
      const budget = new ReassemblyBudget(300_000);
      let delivered = 0;
      const s = new StreamReassembler({
        data: (d) => { delivered += d.length; return consumeMode === 0 ? d.length : consumeMode === 1 ? 0 : d.length >> 1; },
        gap: (n) => expect(n).toBeGreaterThan(0),
        weird: (name) => expect(name).toMatch(/^tcp_[a-z_]+$/),
      }, budget);
      for (const g of segments) {
        s.segment(g.seq, g.flags, new Uint8Array(g.length).fill(g.seq & 0xff), 0, g.tail);
        expect(budget.bufferedBytes).toBeLessThanOrEqual(MAX_STREAM_BUFFERED_BYTES + MAX_UNCONSUMED_BYTES);
        expect(budget.bufferedBytes).toBeGreaterThanOrEqual(0);
      }
      s.flush(0);
      expect(budget.bufferedBytes).toBe(0);
      expect(delivered).toBeGreaterThanOrEqual(0);
    }), { interruptAfterTimeLimit: FUZZ_MS, numRuns: 1_000_000 });
  });
});
