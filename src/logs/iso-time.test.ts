import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from './iso-time.js';

describe('parseIsoTime', () => {
  it('keeps microseconds and reads zones with or without a colon', () => {
    expect(parseIsoTime('2017-01-30T16:12:26.985026+0100')).toBe(1485789146.985026);
    expect(parseIsoTime('2017-01-30T15:12:26.985026Z')).toBe(1485789146.985026);
    expect(parseIsoTime('2024-12-17T19:17:54.565494-05:00')).toBe(1734481074.565494);
    expect(parseIsoTime('2024-12-18 00:17:54')).toBe(1734481074);
  });

  it('rejects impossible dates and non-times', () => {
    for (const bad of ['2017-02-30T00:00:00Z', '2017-01-30T25:00:00Z', '2017-01-30T16:12:26.985026+0100asloefbnjhowebfg', '', 'now']) expect(parseIsoTime(bad)).toBeNull();
  });

  it('agrees with Date on millisecond times (property)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1971-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
      expect(parseIsoTime(d.toISOString())).toBe(d.getTime() / 1000);
    }));
  });
});
