import { describe, expect, it } from 'vitest';
import { YearInference } from './year-inference.js';

describe('YearInference', () => {
  it('with a given year, moves to the next year when the months wrap Dec → Jan', () => {
    const years = new YearInference({ year: 2024 });
    expect([years.yearOf(11, 30, 0), years.yearOf(11, 31, 86_000), years.yearOf(0, 1, 10), years.yearOf(0, 2, 0)]).toEqual([2024, 2024, 2025, 2025]);
  });

  it('does not count a line slightly out of order as a new year', () => {
    const years = new YearInference({ year: 2024 });
    expect([years.yearOf(5, 1, 0), years.yearOf(4, 31, 0), years.yearOf(5, 2, 0)]).toEqual([2024, 2024, 2024]);
  });

  it('with a reference time (mtime), gives each line the latest year not after it', () => {
    const years = new YearInference({ referenceMs: Date.UTC(2027, 0, 2, 12) });
    expect(years.yearOf(11, 31, 3600)).toBe(2026);
    expect(years.yearOf(0, 1, 3600)).toBe(2027);
    expect(years.yearOf(0, 3, 0)).toBe(2027); // within a day of the reference: clock skew, not last year
    expect(years.yearOf(0, 5, 0)).toBe(2026);
  });
});
