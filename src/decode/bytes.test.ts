import { describe, expect, it } from 'vitest';
import { readU16, readU32, readU48 } from './bytes.js';

describe('big-endian readers', () => {
  const b = Uint8Array.from([0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0x01]);
  it('read unsigned values at any offset', () => {
    expect(readU16(b, 0)).toBe(0xfffe);
    expect(readU32(b, 0)).toBe(0xfffefdfc);
    expect(readU32(b, 3)).toBe(0xfcfbfa01);
    expect(readU48(b, 0)).toBe(0xfffefdfcfbfa);
  });
});
