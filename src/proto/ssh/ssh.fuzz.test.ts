import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TIME_LIMIT_MS, fuzzSteps, runFuzzSteps } from '../fuzz-harness.js';
import { sshFactory } from './index.js';

const PIECES = [
  'SSH-2.0-OpenSSH_9.6\r\n', 'SSH-1.5-old\r\n', 'SSH-2.0-x\n', 'banner line\r\n',
  '\x00\x00\x00\x2c\x04\x14' + '\x00'.repeat(16) + '\x00\x00\x00\x04a,bc\x00\x00\x00\x00',
  '\x00\x00\x00\x0c\x0a\x15' + '\x00'.repeat(10), '\x00\x00\x00\x10\x04\x1f\x00\x00\x00\x08keyblob!',
  '\xff\xff\xff\xff\x00', '\x00\x00\x00\x05\x04\x14',
];

describe('SSH analyzer fuzz', () => {
  it('never throws and logs sane records on arbitrary streams', () => {
    fc.assert(fc.property(fuzzSteps(PIECES), (steps) => {
      const ctx = runFuzzSteps(sshFactory, steps);
      const records = ctx.stream('ssh');
      expect(records.length).toBeLessThanOrEqual(1);
      for (const r of records) expect(Number(r.auth_attempts)).toBeGreaterThanOrEqual(0);
      for (const w of ctx.weirds) expect(w).toMatch(/^[a-z0-9_]+$/);
    }), { interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, numRuns: 1_000_000 });
  });
});
