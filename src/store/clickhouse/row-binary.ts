import type { FieldType } from '../schema/types.js';

/**
 * A growing byte buffer writing ClickHouse's RowBinary encoding: little-endian numbers,
 * LEB128 lengths, strings as length + UTF-8 bytes. Binary floats reach the server bit for bit
 * (18.16's text parsers round some decimals 1 ulp off), and strings need no escaping at all.
 */
export class RowBinarySink {
  private buf = Buffer.allocUnsafe(1 << 16);
  /** Bytes written. */
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.length++] = v;
  }

  u32(v: number): void {
    this.room(4);
    this.length = this.buf.writeUInt32LE(v >>> 0, this.length);
  }

  i32(v: number): void {
    this.room(4);
    this.length = this.buf.writeInt32LE(v | 0, this.length);
  }

  /** An Int64 from a safe integer (two 32-bit halves: no BigInt per value). */
  i64(v: number): void {
    this.room(8);
    const hi = Math.floor(v / 4294967296);
    this.buf.writeUInt32LE(v - hi * 4294967296, this.length);
    this.buf.writeInt32LE(hi, this.length + 4);
    this.length += 8;
  }

  f64(v: number): void {
    this.room(8);
    this.length = this.buf.writeDoubleLE(v, this.length);
  }

  varint(v: number): void {
    this.room(10);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  string(s: string): void {
    const n = Buffer.byteLength(s);
    this.varint(n);
    this.room(n);
    this.length += this.buf.write(s, this.length, 'utf8');
  }

  /** The bytes written so far, copied out; the sink starts empty again. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

type Value = string | number | boolean | readonly (string | number)[];
/** Writes one non-null value of a field type. */
export type Encode = (sink: RowBinarySink, v: Value) => void;

function listOf(v: Value): readonly (string | number)[] {
  return Array.isArray(v) ? v : [v as string | number];
}
function int64(v: string | number | boolean): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}
const str: Encode = (s, v) => s.string(typeof v === 'string' ? v : String(v));
const f64: Encode = (s, v) => s.f64(Number(v));
const i64: Encode = (s, v) => s.i64(int64(v as number));

/**
 * The RowBinary writer of each Zeek field type, converting values as the DuckDB appender does
 * (ports to Int32, counts truncated to integers, bool true only for `true`).
 */
export const ENCODERS: Record<FieldType, Encode> = {
  time: f64, interval: f64, double: f64,
  string: str, addr: str, subnet: str, enum: str,
  port: (s, v) => s.i32(Number(v) | 0), count: i64, int: i64, bool: (s, v) => s.u8(v === true ? 1 : 0),
  'set[string]': (s, v) => { const l = listOf(v); s.varint(l.length); for (const x of l) s.string(String(x)); },
  'vector[string]': (s, v) => { const l = listOf(v); s.varint(l.length); for (const x of l) s.string(String(x)); },
  'vector[count]': (s, v) => { const l = listOf(v); s.varint(l.length); for (const x of l) s.i64(int64(x)); },
  'vector[interval]': (s, v) => { const l = listOf(v); s.varint(l.length); for (const x of l) s.f64(Number(x)); },
};
