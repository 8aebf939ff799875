import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EncodedBody, contentEncoding } from './content-decoding.js';
import { MAX_DECODED_BODY_BYTES, MAX_ENCODED_BODY_BYTES } from './limits.js';

function decoded(encoding: 'gzip' | 'deflate', data: Uint8Array): string | null {
  const body = new EncodedBody(encoding);
  body.add(data);
  const out = body.decode();
  return out === null ? null : Buffer.from(out).toString();
}

describe('content decoding', () => {
  it('names the encodings it decodes', () => {
    expect([contentEncoding('gzip'), contentEncoding(' X-GZIP '), contentEncoding('deflate'), contentEncoding('br'), contentEncoding(null)])
      .toEqual(['gzip', 'gzip', 'deflate', null, null]);
  });

  it('decodes gzip, zlib-wrapped and raw deflate, and a truncated stream as far as it goes', () => {
    expect(decoded('gzip', gzipSync('hello'))).toBe('hello');
    expect(decoded('deflate', deflateSync('zlib'))).toBe('zlib');
    expect(decoded('deflate', deflateRawSync('raw'))).toBe('raw');
    const long = 'abcdefghij'.repeat(1000);
    const cut = gzipSync(long).subarray(0, 200);
    const partial = decoded('gzip', cut);
    expect(partial !== null && long.startsWith(partial)).toBe(true);
  });

  it('refuses bodies over its limits and decompression bombs', () => {
    const big = new EncodedBody('gzip');
    expect(big.add(new Uint8Array(MAX_ENCODED_BODY_BYTES + 1))).toBe(false);
    expect(big.take()).toEqual([]);
    const bomb = new EncodedBody('gzip');
    bomb.add(gzipSync(Buffer.alloc(MAX_DECODED_BODY_BYTES + 1)));
    expect(bomb.decode()).toBeNull();
    expect(bomb.take().length).toBe(1);
    expect(decoded('gzip', new TextEncoder().encode('not gzip'))).toBeNull();
  });
});
