import { describe, expect, it } from 'vitest';
import { findBlankLine, findLineEnd, latin1, lineTextEnd } from './bytes.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('byte helpers', () => {
  it('finds line ends within a limit', () => {
    const d = enc('abc\r\ndef\n');
    expect(findLineEnd(d, 0, 100)).toBe(4);
    expect(lineTextEnd(d, 0, 4)).toBe(3);
    expect(findLineEnd(d, 5, 100)).toBe(8);
    expect(lineTextEnd(d, 5, 8)).toBe(8);
    expect(findLineEnd(d, 0, 3)).toBe(-1);
  });

  it('finds the blank line ending a header block, CRLF or bare LF', () => {
    expect(findBlankLine(enc('GET / HTTP/1.1\r\nA: b\r\n\r\nbody'), 0, 1000)).toBe(24);
    expect(findBlankLine(enc('GET / HTTP/1.0\nA: b\n\nbody'), 0, 1000)).toBe(21);
    expect(findBlankLine(enc('GET / HTTP/1.1\r\nA: b\r\n'), 0, 1000)).toBe(-1);
  });

  it('decodes any byte losslessly as Latin-1', () => {
    expect(latin1(new Uint8Array([0x41, 0xff, 0x00]))).toBe('A\u00ff\u0000');
    expect(latin1(enc('abcdef'), 2, 4)).toBe('cd');
  });
});
