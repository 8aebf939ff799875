import { describe, expect, it } from 'vitest';
import { PeriodTracker, regularPeriod } from './periodicity.js';

describe('regularPeriod', () => {
  it('finds a beacon with small jitter and ignores irregular or short series', () => {
    expect(regularPeriod([0, 60, 121, 180, 241])).toBeCloseTo(60.25);
    expect(regularPeriod([0, 5, 100, 103, 300])).toBe(0);
    expect(regularPeriod([0, 60, 120])).toBe(0);
  });
});

describe('PeriodTracker', () => {
  it('tracks each key on its own', () => {
    const tracker = new PeriodTracker();
    const periods = [0, 30, 60, 90].map((t) => tracker.observe('a', t));
    tracker.observe('b', 45);
    expect(periods).toEqual([0, 0, 0, 30]);
    expect(tracker.observe('b', 1000)).toBe(0);
  });
});
