/** Base62 digits, as Zeek's uids use. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Base62 digits per 32-bit word: 62^6 > 2^32. */
const DIGITS_PER_WORD = 6;

/**
 * Deterministic Zeek-style connection uids: `C` + 18 base62 digits derived
 * from a seed, a connection counter and a salt from the connection itself
 * (its key hash and start time), so the same input and seed always give the
 * same uids (no randomness, no clock), different captures give different
 * uids even under the same seed, and the counter alone keeps the first six
 * digits unique within a table.
 */
export class UidGenerator {
  private readonly seedWords: Uint32Array;
  private counter = 0;
  /** Bytes of the uid being built (the leading C, then the digits), decoded once into a flat string. */
  private readonly chars = Buffer.alloc(1 + 3 * DIGITS_PER_WORD, 'C');

  /** @param seed any text; the pipeline uses the input's identity */
  constructor(seed: string) {
    this.seedWords = new Uint32Array([fnv1a(seed, 0x811c9dc5), fnv1a(seed, 0x01000193), fnv1a(seed, 0x9e3779b9)]);
  }

  /**
   * The next uid; `salt` is any 32-bit value taken from the connection.
   * @example new UidGenerator('x').next(key.hash) // → 'C' followed by 18 base62 digits
   */
  next(salt: number): string {
    const n = this.counter++;
    for (let i = 0; i < 3; i++) {
      // Word 0 is a bijection of the counter (unique); words 1 and 2 also carry the salt.
      let w = fmix32(fmix32(n ^ this.seedWords[i]) + (i === 0 ? 0 : fmix32(salt + i)));
      for (let d = 0; d < DIGITS_PER_WORD; d++) {
        this.chars[1 + i * DIGITS_PER_WORD + d] = BASE62.charCodeAt(w % 62);
        w = Math.floor(w / 62);
      }
    }
    return this.chars.toString('latin1');
  }
}

/** Murmur3's 32-bit finaliser: a bijection that spreads every input bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
