import { describe, expect, it } from 'vitest';
import { ENCODERS, RowBinarySink } from './row-binary.js';

describe('RowBinary encoding', () => {
  it('writes little-endian numbers, LEB128 lengths and UTF-8 strings', () => {
    const s = new RowBinarySink();
    s.i64(-2);
    s.i64(2 ** 40 + 5);
    s.varint(300);
    s.string('é');
    s.f64(1.67006);
    const b = s.take();
    expect(b.readBigInt64LE(0)).toBe(-2n);
    expect(b.readBigInt64LE(8)).toBe(2n ** 40n + 5n);
    expect([...b.subarray(16, 18)]).toEqual([0xac, 0x02]);
    expect([...b.subarray(18, 21)]).toEqual([2, 0xc3, 0xa9]);
    expect(b.readDoubleLE(21)).toBe(1.67006);
    expect(s.length).toBe(0);
  });

  it('grows past its first buffer and converts values as the DuckDB appender does', () => {
    const s = new RowBinarySink();
    const long = 'x'.repeat(100_000);
    s.string(long);
    ENCODERS.port(s, '443');
    ENCODERS.count(s, 12.9);
    ENCODERS.bool(s, 'true');
    ENCODERS['vector[string]'](s, 'one');
    const b = s.take();
    const at = 3 + long.length;
    expect(b.toString('utf8', 3, at)).toBe(long);
    expect(b.readInt32LE(at)).toBe(443);
    expect(b.readBigInt64LE(at + 4)).toBe(12n);
    expect(b[at + 12]).toBe(0);
    expect([...b.subarray(at + 13)]).toEqual([1, 3, 0x6f, 0x6e, 0x65]);
  });
});
