import { hash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileHashes, HASH_BATCH_BYTES } from './file-hashes.js';

function oneShot(data: Uint8Array): string[] {
  return ['md5', 'sha1', 'sha256'].map((algorithm) => hash(algorithm, data, 'hex'));
}

function filled(length: number, seed: number): Uint8Array {
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = (i * 31 + seed) & 0xff;
  return data;
}

/** Feeds `data` cut at `cuts` (offsets, any order). */
function hashInPieces(hashes: FileHashes, data: Uint8Array, cuts: number[]): void {
  const bounds = [0, ...cuts.map((c) => c % (data.length + 1)).sort((a, b) => a - b), data.length];
  for (let i = 1; i < bounds.length; i++) hashes.update(data.subarray(bounds[i - 1], bounds[i]));
}

describe('FileHashes', () => {
  it('gives the digests of the whole file however its bytes are cut', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3 * HASH_BATCH_BYTES }), fc.array(fc.nat(), { maxLength: 40 }), (length, cuts) => {
      const data = filled(length, cuts.length);
      const hashes = new FileHashes();
      hashInPieces(hashes, data, cuts);
      expect(hashes.digests()).toEqual(oneShot(data));
    }), { numRuns: 60 });
  });

  it('keeps files hashed at the same time apart, also when batch buffers are reused', () => {
    const a = filled(HASH_BATCH_BYTES + 1000, 1), b = filled(5000, 2), c = filled(2 * HASH_BATCH_BYTES, 3);
    const [ha, hb] = [new FileHashes(), new FileHashes()];
    for (let i = 0; i < a.length; i += 1448) {
      ha.update(a.subarray(i, i + 1448));
      if (i < b.length) hb.update(b.subarray(i, i + 1448));
    }
    expect(hb.digests()).toEqual(oneShot(b));
    const hc = new FileHashes();
    for (let i = 0; i < c.length; i += 700) hc.update(c.subarray(i, i + 700));
    expect(ha.digests()).toEqual(oneShot(a));
    expect(hc.digests()).toEqual(oneShot(c));
  });

  it('hashes an empty file', () => {
    expect(new FileHashes().digests()).toEqual(oneShot(new Uint8Array(0)));
  });

  it('does not let a released file leak bytes into the next one', () => {
    const dropped = new FileHashes();
    dropped.update(filled(3000, 9));
    dropped.release();
    const next = new FileHashes();
    const data = filled(100, 4);
    next.update(data);
    expect(next.digests()).toEqual(oneShot(data));
  });
});
