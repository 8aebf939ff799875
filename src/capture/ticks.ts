import { MAX_TICKS_PER_SEC } from './limits.js';

/** A timestamp split into whole seconds and nanoseconds, written in place. */
export interface SplitTime {
  tsSec: number;
  tsNsec: number;
}

const TWO_POW_32 = 4_294_967_296;
/** Largest high word whose 64-bit tick count still fits a double exactly (2^53). */
const EXACT_HIGH_LIMIT = 0x20_0000;
const NANOS_PER_SEC = 1_000_000_000;

/** Largest divisor for which 16-bit long division stays exact in doubles (remainder * 2^16 < 2^53). */
const WIDE_LIMB_MAX_UNITS = 2 ** 37;
/**
 * Divisors for which a floating-point quotient of any 64-bit tick count is off
 * by at most one (quotient below 2^50) and the exact remainder can be rebuilt
 * from 16-bit splits below 2^53: µs, ns and 10^-10 s all fall here.
 */
const ESTIMATE_MIN_UNITS = 2 ** 14;
const ESTIMATE_MAX_UNITS = 2 ** 36;

/**
 * Floor division of non-negative integers below 2^53. Callers take the
 * remainder as `n - q * d` (kept out of module state: a double there would be
 * boxed on every store).
 */
function floorDiv(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/**
 * Ticks per second for a pcapng `if_tsresol` byte: 10^n, or 2^n when the top
 * bit is set. Returns -1 when the resolution is finer than MAX_TICKS_PER_SEC.
 * @example ticksPerSecond(6) === 1e6; ticksPerSecond(0x8a) === 1024
 */
export function ticksPerSecond(resol: number): number {
  const exponent = resol & 0x7f;
  const units = resol & 0x80 ? 2 ** exponent : 10 ** exponent;
  return units > MAX_TICKS_PER_SEC ? -1 : units;
}

/** Converts a fraction of a second in ticks (0 <= frac < units) to whole nanoseconds, rounding down. */
export function ticksToNanos(frac: number, units: number): number {
  if (units === NANOS_PER_SEC) return frac;
  if (units < NANOS_PER_SEC && NANOS_PER_SEC % units === 0) return frac * (NANOS_PER_SEC / units);
  if (units > NANOS_PER_SEC && units % NANOS_PER_SEC === 0) return floorDiv(frac, units / NANOS_PER_SEC);
  const scaled = frac * NANOS_PER_SEC;
  if (scaled < Number.MAX_SAFE_INTEGER) return floorDiv(scaled, units);
  return Math.min(NANOS_PER_SEC - 1, Math.floor((frac / units) * NANOS_PER_SEC));
}

/**
 * Splits a 64-bit tick count (high and low 32-bit words) at `units` ticks per
 * second into `out.tsSec` and `out.tsNsec`, exactly, without BigInt or allocation.
 * `units` must be an integer in 1..MAX_TICKS_PER_SEC.
 */
export function splitTicks(high: number, low: number, units: number, out: SplitTime): void {
  let sec: number;
  let frac: number;
  if (high < EXACT_HIGH_LIMIT) {
    const ticks = high * TWO_POW_32 + low;
    sec = floorDiv(ticks, units);
    frac = ticks - sec * units;
  } else if (units > ESTIMATE_MIN_UNITS && units < ESTIMATE_MAX_UNITS) {
    // Estimate in floating point, then rebuild the exact remainder and correct by one second.
    sec = Math.floor((high * TWO_POW_32 + low) / units);
    const secHigh = Math.floor(sec / 65_536);
    frac = (high * 65_536 - secHigh * units) * 65_536 + (low - (sec - secHigh * 65_536) * units);
    if (frac < 0) { sec -= 1; frac += units; } else if (frac >= units) { sec += 1; frac -= units; }
  } else {
    // Long division by 16-bit limbs (8-bit for the finest resolutions), exact in doubles.
    const bits = units <= WIDE_LIMB_MAX_UNITS ? 16 : 8;
    const scale = 2 ** bits;
    const mask = scale - 1;
    sec = floorDiv(high, units);
    frac = high - sec * units;
    for (let shift = 32 - bits; shift >= 0; shift -= bits) {
      const n = frac * scale + ((low >>> shift) & mask);
      const q = floorDiv(n, units);
      frac = n - q * units;
      sec = sec * scale + q;
    }
  }
  out.tsSec = sec;
  out.tsNsec = ticksToNanos(frac, units);
}

/** A 64-bit tick count as two 32-bit words, written in place. */
export interface TickWords {
  high: number;
  low: number;
}

/**
 * The inverse of splitTicks: `sec * units + frac` (sec below 2^32, units up
 * to 2^32) as high and low 32-bit words, exactly, without BigInt or allocation.
 */
export function joinTicks(sec: number, frac: number, units: number, out: TickWords): void {
  const secHigh = Math.floor(sec / 65_536);
  const secLow = sec - secHigh * 65_536;
  const scaled = secHigh * units;
  const upper = floorDiv(scaled, 65_536);
  const lower = (scaled - upper * 65_536) * 65_536 + secLow * units + frac;
  const carry = Math.floor(lower / TWO_POW_32);
  out.high = upper + carry;
  out.low = lower - carry * TWO_POW_32;
}
