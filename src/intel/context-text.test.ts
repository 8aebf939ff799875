import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contextToText, textToContext } from './context-text.js';

describe('context text', () => {
  it('escapes separators and line ends', () => {
    expect(contextToText({ a: 'x|y', 'b=c': 'l1\nl2\x1b' })).toBe('a=x\\|y|b\\=c=l1\\nl2\\x1b');
  });
  it('round-trips any fields and never contains a raw line end', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (ctx) => {
      const text = contextToText(ctx);
      expect(text).not.toMatch(/[\r\n]/);
      expect(textToContext(text)).toEqual(Object.fromEntries(Object.entries(ctx)));
    }));
  });
});
