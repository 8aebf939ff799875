import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerOf } from './cgroup.js';
import { parseProcStat } from './proc-stat.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 3);

describe('/proc text parsers fuzz', () => {
  it('keep any process name whole and never throw on arbitrary stat text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 15 }), fc.nat(), fc.string(), (comm, start, junk) => {
      const stat = parseProcStat(`42 (${comm}) S 7 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 0`);
      expect(stat).toEqual({ pid: 42, comm, ppid: 7, ttyNr: 0, startTicks: start });
      expect(() => parseProcStat(junk)).not.toThrow();
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });

  it('return a 64-hex id or a unit name from any cgroup text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const ref = containerOf(text);
      expect(['', 'docker', 'containerd', 'podman', 'crio', 'systemd']).toContain(ref.runtime);
      if (ref.runtime !== '' && ref.runtime !== 'systemd') expect(ref.id).toMatch(/^[0-9a-f]{64}$/);
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });
});
