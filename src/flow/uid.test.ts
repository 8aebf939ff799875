import { describe, expect, it } from 'vitest';
import { UidGenerator } from './uid.js';

describe('UidGenerator', () => {
  it('gives Zeek-shaped uids, the same sequence for the same seed', () => {
    const run = () => {
      const gen = new UidGenerator('capture-a');
      return Array.from({ length: 5 }, () => gen.next());
    };
    const first = run();
    expect(run()).toEqual(first);
    for (const uid of first) expect(uid).toMatch(/^C[0-9A-Za-z]{18}$/);
  });

  it('differs between seeds and never repeats within one table', () => {
    const x = new UidGenerator('a'), y = new UidGenerator('b');
    expect(x.next()).not.toBe(y.next());
    const seen = new Set<string>();
    const gen = new UidGenerator('tracer');
    for (let i = 0; i < 100_000; i++) seen.add(gen.next());
    expect(seen.size).toBe(100_000);
  });
});
