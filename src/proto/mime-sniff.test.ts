import { describe, expect, it } from 'vitest';
import { sniffMime } from './mime-sniff.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffMime', () => {
  it('recognises magic numbers and text markers', () => {
    expect(sniffMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMime(enc('MZ\x90\x00'))).toBe('application/x-dosexec');
    expect(sniffMime(enc('  <!DOCTYPE html><html>'))).toBe('text/html');
    expect(sniffMime(enc('<?xml version="1.0"?>'))).toBe('application/xml');
    expect(sniffMime(enc('hello world\n'))).toBe('text/plain');
  });

  it('returns null for empty or binary data it does not know', () => {
    expect(sniffMime(new Uint8Array(0))).toBeNull();
    expect(sniffMime(new Uint8Array([1, 2, 3, 0xfe]))).toBeNull();
  });
});
