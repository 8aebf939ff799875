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

let remainder = 0;

/** Floor division of non-negative integers below 2^53; leaves the remainder in `remainder`. */
function divide(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) { q -= 1; r += d; } else if (r >= d) { q += 1; r -= d; }
  remainder = r;
  return q;
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
  if (units > NANOS_PER_SEC && units % NANOS_PER_SEC === 0) return divide(frac, units / NANOS_PER_SEC);
  const scaled = frac * NANOS_PER_SEC;
  if (scaled < Number.MAX_SAFE_INTEGER) return divide(scaled, units);
  return Math.min(NANOS_PER_SEC - 1, Math.floor((frac / units) * NANOS_PER_SEC));
}

/**
 * Splits a 64-bit tick count (high and low 32-bit words) at `units` ticks per
 * second into `out.tsSec` and `out.tsNsec`, exactly, without BigInt or allocation.
 * `units` must be an integer in 1..MAX_TICKS_PER_SEC.
 */
export function splitTicks(high: number, low: number, units: number, out: SplitTime): void {
  let sec: number;
  if (high < EXACT_HIGH_LIMIT) {
    sec = divide(high * TWO_POW_32 + low, units);
  } else {
    // Long division by bytes: remainder * 256 + byte stays below 2^53 for units <= 2^44.
    sec = divide(high, units);
    for (let shift = 24; shift >= 0; shift -= 8) {
      sec = sec * 256 + divide(remainder * 256 + ((low >>> shift) & 0xff), units);
    }
  }
  const frac = remainder;
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
  const upper = divide(secHigh * units, 65_536);
  const lower = remainder * 65_536 + secLow * units + frac;
  const carry = Math.floor(lower / TWO_POW_32);
  out.high = upper + carry;
  out.low = lower - carry * TWO_POW_32;
}
