import { describe, expect, it } from 'vitest';
import { hexBytes } from './hex-bytes.js';

describe('hexBytes', () => {
  it('ignores spaces, line breaks and comments', () => {
    expect([...hexBytes('0a 0d # type\n  ff00  # x 12')]).toEqual([0x0a, 0x0d, 0xff, 0x00]);
  });
});
