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

  it('recognises OCSP requests (SHA-1 and SHA-256 CertIDs, made by openssl ocsp -reqout)', () => {
    const sha1 = '30433041303f303d303b300906052b0e03021a0500041411048cd20cb3592307d019fd0889562b62d36492041427cc4bf78432c55365ae79c94fbb8ef7ee4f680e02021234';
    const sha256 = '308185308182305b30593057300d0609608648016503040201050004206d55a0a38e5290f86e181e6a9c8e91f3aa5ee0e0ca89d5b77fff14959193327104207a44446fb75e374e351b9453a0af275ac8af006352c37c5646fd168d58aad6ed02021234';
    expect(sniffMime(Buffer.from(sha1, 'hex'))).toBe('application/ocsp-request');
    expect(sniffMime(Buffer.from(sha256, 'hex'))).toBe('application/ocsp-request');
    expect(sniffMime(Buffer.from('3003020101', 'hex'))).toBeNull();
  });

  it('returns null for empty or binary data it does not know', () => {
    expect(sniffMime(new Uint8Array(0))).toBeNull();
    expect(sniffMime(new Uint8Array([1, 2, 3, 0xfe]))).toBeNull();
  });
});
