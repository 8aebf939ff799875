import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinTicks, splitTicks, ticksPerSecond, ticksToNanos } from './ticks.js';

const resolutions = fc.oneof(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0x80, max: 0x80 + 44 }));

function expected(high: number, low: number, units: number): { tsSec: number; tsNsec: number } {
  const ticks = (BigInt(high) << 32n) | BigInt(low);
  const u = BigInt(units);
  const frac = ticks % u;
  return { tsSec: Number(ticks / u), tsNsec: Number((frac * 1_000_000_000n) / u) };
}

describe('ticksPerSecond', () => {
  it('decodes decimal and binary if_tsresol', () => {
    expect(ticksPerSecond(6)).toBe(1e6);
    expect(ticksPerSecond(9)).toBe(1e9);
    expect(ticksPerSecond(0x80 | 10)).toBe(1024);
    expect(ticksPerSecond(14)).toBe(-1);
    expect(ticksPerSecond(0x80 | 45)).toBe(-1);
  });
});

describe('splitTicks', () => {
  it('matches BigInt arithmetic for every supported resolution and tick count', () => {
    fc.assert(fc.property(resolutions, fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (resol, high, low) => {
      const units = ticksPerSecond(resol);
      const want = expected(high, low, units);
      const got = { tsSec: 0, tsNsec: 0 };
      splitTicks(high, low, units, got);
      // Seconds beyond 2^53 cannot be exact in a double; compare them as doubles.
      if (want.tsSec <= Number.MAX_SAFE_INTEGER) expect(got.tsSec).toBe(want.tsSec);
      else expect(Math.abs(got.tsSec / want.tsSec - 1)).toBeLessThan(1e-15);
      if (units <= 2 ** 23 || units % 1_000_000_000 === 0 || 1_000_000_000 % units === 0) expect(got.tsNsec).toBe(want.tsNsec);
      else expect(Math.abs(got.tsNsec - want.tsNsec)).toBeLessThanOrEqual(1);
    }), { numRuns: 2000 });
  });

  it('is exact at second boundaries for large tick counts, where floating point alone would round', () => {
    const unitsArb = fc.constantFrom(1e6, 1e9, 1e10, 2 ** 15, 2 ** 35, 1e4 * 3);
    fc.assert(fc.property(unitsArb, fc.bigInt({ min: 1n << 53n, max: (1n << 64n) - 1n }), fc.integer({ min: -2, max: 2 }), (units, approx, delta) => {
      const u = BigInt(units);
      const ticks = (approx / u) * u + BigInt(delta);
      if (ticks < 0n || ticks >= 1n << 64n) return;
      const high = Number(ticks >> 32n);
      const low = Number(ticks & 0xffffffffn);
      const got = { tsSec: 0, tsNsec: 0 };
      splitTicks(high, low, units, got);
      expect(got).toEqual(expected(high, low, units));
    }), { numRuns: 3000 });
  });

  it('splits a nanosecond epoch timestamp exactly', () => {
    const got = { tsSec: 0, tsNsec: 0 };
    // 1767663089.500330493 s in ns = 0x1887_8a4c_5f0a_b8fd
    const ns = 1767663089500330493n;
    splitTicks(Number(ns >> 32n), Number(ns & 0xffffffffn), 1e9, got);
    expect(got).toEqual({ tsSec: 1767663089, tsNsec: 500330493 });
  });

  it('rounds sub-nanosecond ticks down', () => {
    expect(ticksToNanos(999_999_999_999, 1e12)).toBe(999_999_999);
    expect(ticksToNanos(1, 3)).toBe(333_333_333);
  });
});

describe('joinTicks', () => {
  it('matches BigInt arithmetic for µs and ns timestamps', () => {
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), fc.constantFrom(1e6, 1e9), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (sec, units, part) => {
      const frac = Math.floor(part * units);
      const out = { high: 0, low: 0 };
      joinTicks(sec, frac, units, out);
      const ticks = BigInt(sec) * BigInt(units) + BigInt(frac);
      expect([out.high, out.low]).toEqual([Number(ticks >> 32n), Number(ticks & 0xffffffffn)]);
    }), { numRuns: 2000 });
  });
});
