import { describe, expect, it } from 'vitest';
import { UidGenerator } from './uid.js';

describe('UidGenerator', () => {
  it('gives Zeek-shaped uids, the same sequence for the same seed', () => {
    const run = () => {
      const gen = new UidGenerator('capture-a');
      return Array.from({ length: 5 }, (_, i) => gen.next(i * 7));
    };
    const first = run();
    expect(run()).toEqual(first);
    for (const uid of first) expect(uid).toMatch(/^C[0-9A-Za-z]{18}$/);
  });

  it('differs between seeds and salts, and never repeats within one table even with a constant salt', () => {
    const x = new UidGenerator('a'), y = new UidGenerator('b');
    expect(x.next(1)).not.toBe(y.next(1));
    expect(new UidGenerator('a').next(1)).not.toBe(new UidGenerator('a').next(2));
    const seen = new Set<string>();
    const gen = new UidGenerator('tracer');
    for (let i = 0; i < 100_000; i++) seen.add(gen.next(42));
    expect(seen.size).toBe(100_000);
  });
});
