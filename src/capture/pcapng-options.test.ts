import { describe, expect, it } from 'vitest';
import { hexBytes } from './hex-bytes.js';
import { MAX_OPTIONS_PER_BLOCK } from './limits.js';
import { OptionReader } from './pcapng-options.js';

function walk(bytes: Uint8Array, littleEndian = true): { options: Array<[number, string]>; broken: boolean } {
  const reader = new OptionReader();
  reader.reset(bytes, new DataView(bytes.buffer), 0, bytes.length, littleEndian);
  const options: Array<[number, string]> = [];
  while (reader.next()) options.push([reader.code, reader.text()]);
  return { options, broken: reader.broken };
}


describe('OptionReader', () => {
  it('walks padded options up to opt_endofopt', () => {
    expect(walk(hexBytes('0200 0300 657468 00  0100 0400 61626364  0000 0000  0100 0100 7a000000'))).toEqual({
      options: [[2, 'eth'], [1, 'abcd']], broken: false,
    });
  });

  it('reads big-endian option headers', () => {
    expect(walk(hexBytes('0002 0001 61000000'), false).options).toEqual([[2, 'a']]);
  });

  it('flags an option that overruns the block and stops', () => {
    expect(walk(hexBytes('0200 0100 61000000 0100 ff00 6263'))).toEqual({ options: [[2, 'a']], broken: true });
  });

  it('replaces invalid UTF-8 rather than failing', () => {
    expect(walk(hexBytes('0100 0200 ff41 0000')).options).toEqual([[1, '\ufffdA']]);
  });

  it(`stops after ${MAX_OPTIONS_PER_BLOCK} options`, () => {
    const many = hexBytes('0900 0000'.repeat(MAX_OPTIONS_PER_BLOCK + 10));
    expect(walk(many).options).toHaveLength(MAX_OPTIONS_PER_BLOCK);
  });
});
