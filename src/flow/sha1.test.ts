import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ONE_BLOCK_MESSAGE, sha1Base64Short } from './sha1.js';

describe('sha1Base64Short', () => {
  it('matches node:crypto on the empty message, "abc" and random short messages', () => {
    expect(sha1Base64Short(new Uint8Array(0))).toBe('2jmj7l5rSw0yVb/vlWAYkK/YBwk=');
    expect(sha1Base64Short(Buffer.from('abc'))).toBe(createHash('sha1').update('abc').digest('base64'));
    fc.assert(fc.property(fc.uint8Array({ maxLength: MAX_ONE_BLOCK_MESSAGE }), (bytes) => {
      expect(sha1Base64Short(bytes)).toBe(createHash('sha1').update(bytes).digest('base64'));
    }), { numRuns: 500 });
  });

  it('refuses messages longer than one block', () => {
    expect(() => sha1Base64Short(new Uint8Array(56))).toThrow(RangeError);
  });
});
