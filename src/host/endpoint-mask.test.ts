import { describe, expect, it } from 'vitest';
import { EndpointMasker, maskAddress } from './endpoint-mask.js';
import { deriveKeys } from './host-key.js';

const key = deriveKeys(Buffer.alloc(32, 9)).mask;

describe('maskAddress', () => {
  it('masks both spellings of an address alike', () => {
    expect(maskAddress(key, '::ffff:192.0.2.1')).toBe(maskAddress(key, '192.0.2.1'));
  });

  it('differs under another key', () => {
    expect(maskAddress(deriveKeys(Buffer.alloc(32, 1)).mask, '192.0.2.1')).not.toBe(maskAddress(key, '192.0.2.1'));
  });
});

describe('EndpointMasker', () => {
  it('gives the same mask as maskAddress, with the network', () => {
    const masker = new EndpointMasker(key);
    expect(masker.mask('192.0.2.77')).toEqual({ mask: maskAddress(key, '192.0.2.77'), net: '192.0.2.0/24' });
    expect(masker.mask('192.0.2.77')).toBe(masker.mask('192.0.2.77'));
  });
});
