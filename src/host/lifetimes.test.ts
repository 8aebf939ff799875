import { describe, expect, it } from 'vitest';
import { summarizeLifetimes } from './lifetimes.js';

describe('summarizeLifetimes', () => {
  it('gives nearest-rank percentiles and the longest connection', () => {
    const live = Array.from({ length: 100 }, (_, i) => ({ inode: i + 1, firstSeen: 1000 - (i + 1) }));
    expect(summarizeLifetimes(live, 1000)).toEqual({ active: 100, p50: 50, p90: 90, p99: 99, longest: 100, longestInode: 100 });
    expect(summarizeLifetimes([...live].reverse(), 1000)).toEqual({ active: 100, p50: 50, p90: 90, p99: 99, longest: 100, longestInode: 100 });
    const shuffled = live.map((c, i) => live[(i * 37) % 100]);
    expect(summarizeLifetimes(shuffled, 1000)).toMatchObject({ p50: 50, p90: 90, p99: 99, longest: 100 });
  });

  it('is all zero without connections', () => {
    expect(summarizeLifetimes([], 5)).toEqual({ active: 0, p50: 0, p90: 0, p99: 0, longest: 0, longestInode: 0 });
  });
});
