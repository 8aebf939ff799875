import { describe, expect, it } from 'vitest';
import { zoneToUtc } from './time-zone.js';

const local = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);

describe('zoneToUtc', () => {
  it('reads UTC and fixed offsets', () => {
    expect(zoneToUtc('UTC')(local(2024, 1, 1, 12))).toBe(local(2024, 1, 1, 12));
    expect(zoneToUtc('+02:00')(local(2024, 1, 1, 12))).toBe(local(2024, 1, 1, 10));
    expect(zoneToUtc('-0530')(local(2024, 1, 1, 12))).toBe(local(2024, 1, 1, 17, 30));
  });

  it('applies daylight saving for IANA zones, on both sides of the change', () => {
    const berlin = zoneToUtc('Europe/Berlin');
    expect(berlin(local(2024, 1, 15, 12))).toBe(local(2024, 1, 15, 11));
    expect(berlin(local(2024, 7, 15, 12))).toBe(local(2024, 7, 15, 10));
    expect(berlin(local(2024, 3, 31, 1, 30))).toBe(local(2024, 3, 31, 0, 30));
    expect(berlin(local(2024, 3, 31, 3, 30))).toBe(local(2024, 3, 31, 1, 30));
    expect(zoneToUtc('America/New_York')(local(2024, 11, 20, 10))).toBe(local(2024, 11, 20, 15));
  });

  it('names an unknown zone in a RangeError', () => {
    expect(() => zoneToUtc('Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});
