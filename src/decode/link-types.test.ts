import { describe, expect, it } from 'vitest';
import { LINKTYPE, linkDecoders } from './link-types.js';

describe('linkDecoders', () => {
  it('has a decoder for every LINKTYPE Tracer names, and none for others', () => {
    for (const value of Object.values(LINKTYPE)) expect(linkDecoders[value], String(value)).toBeTypeOf('function');
    for (const value of [2, 105, 127, 147, 239 + 1, 100_000]) expect(linkDecoders[value]).toBeUndefined();
  });
});
