import fc from 'fast-check';
import { ReassemblyBudget, StreamReassembler } from '../flow/reassembly.js';
import type { AnalyzerFactory } from './analyzer.js';
import { recordingContext, type RecordingContext } from './recording-context.js';

/** Test support: one step of a fuzzed connection — bytes of a direction, or a gap of `gap` bytes. */
export interface FuzzStep { isOrig: boolean; bytes: Uint8Array; gap: number }

/** Milliseconds each fuzz property may run (FUZZ_SECONDS, default 3, as CI sets it). */
export const FUZZ_TIME_LIMIT_MS = Number(process.env.FUZZ_SECONDS ?? 3) * 1000;

/**
 * Steps mixing protocol-shaped fragments (`pieces`, so the parser goes deep)
 * with random bytes and occasional gaps.
 */
export function fuzzSteps(pieces: string[]): fc.Arbitrary<FuzzStep[]> {
  const enc = new TextEncoder();
  const bytes = fc.oneof(
    fc.constantFrom(...pieces).map((p) => enc.encode(p)),
    fc.uint8Array({ maxLength: 300 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((ps) => enc.encode(ps.join(''))),
  );
  const step = fc.record({ isOrig: fc.boolean(), bytes, gap: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }) }) });
  return fc.array(step, { maxLength: 30 });
}

/**
 * Runs `steps` through Tracer's reassembler into one analyzer of `factory`,
 * as the dispatcher would; returns what it recorded. Throws only if the
 * analyzer does, and checks the reassembler released its memory.
 */
export function runFuzzSteps(factory: AnalyzerFactory, steps: FuzzStep[]): RecordingContext {
  const ctx = recordingContext();
  const analyzer = factory.create(ctx);
  const budget = new ReassemblyBudget();
  const streams = [true, false].map((isOrig) => new StreamReassembler({
    data: (d, ts) => {
      const used = analyzer.deliver(isOrig, d, ts);
      if (!(used >= 0 && used <= d.length)) throw new RangeError(`deliver returned ${used} for ${d.length} bytes`);
      return used;
    },
    gap: (n, ts) => analyzer.gap(isOrig, n, ts),
    weird: (name) => ctx.weird(name),
  }, budget));
  const next = [1, 1];
  let ts = 0;
  for (const step of steps) {
    const side = step.isOrig ? 0 : 1;
    next[side] += step.gap;
    streams[side].segment(next[side], 0, step.bytes, ++ts);
    next[side] += step.bytes.length;
  }
  for (const s of streams) s.flush(ts);
  analyzer.end(ts);
  if (budget.bufferedBytes !== 0) throw new RangeError(`reassembly kept ${budget.bufferedBytes} bytes after flush`);
  return ctx;
}
