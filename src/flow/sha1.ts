/** SHA-1 processes 64-byte blocks; Community ID inputs (at most 40 bytes) always fit one padded block. */
const BLOCK_BYTES = 64;
/** Longest message that fits one block with SHA-1's padding (0x80 byte and 8-byte length). */
export const MAX_ONE_BLOCK_MESSAGE = BLOCK_BYTES - 9;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const block = new Uint8Array(BLOCK_BYTES);
const w = new Int32Array(80);
const digest = new Uint8Array(20);

/**
 * SHA-1 (FIPS 180-4) of a message of at most 55 bytes, base64-encoded.
 * One block, preallocated buffers: far cheaper per connection than a
 * node:crypto Hash object for these tiny inputs.
 * @example sha1Base64Short(new Uint8Array(0)) // → '2jmj7l5rSw0yVb/vlWAYkK/YBwk='
 */
export function sha1Base64Short(message: Uint8Array, length = message.length): string {
  if (length > MAX_ONE_BLOCK_MESSAGE) throw new RangeError(`Cannot hash ${length} bytes in one SHA-1 block: at most ${MAX_ONE_BLOCK_MESSAGE}`);
  for (let i = 0; i < BLOCK_BYTES; i++) block[i] = i < length ? message[i] : 0;
  block[length] = 0x80;
  const bits = length * 8;
  block[62] = bits >>> 8;
  block[63] = bits & 0xff;
  for (let i = 0; i < 16; i++) w[i] = (block[i * 4] << 24) | (block[i * 4 + 1] << 16) | (block[i * 4 + 2] << 8) | block[i * 4 + 3];
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = 0x67452301, b = 0xefcdab89 | 0, c = 0x98badcfe | 0, d = 0x10325476, e = 0xc3d2e1f0 | 0;
  for (let i = 0; i < 80; i++) {
    let f: number, k: number;
    if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
    else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
    else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
    else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
    const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  writeWord(0, a + 0x67452301); writeWord(4, b + 0xefcdab89); writeWord(8, c + 0x98badcfe);
  writeWord(12, d + 0x10325476); writeWord(16, e + 0xc3d2e1f0);
  return base64(digest);
}

function writeWord(offset: number, value: number): void {
  digest[offset] = value >>> 24;
  digest[offset + 1] = (value >>> 16) & 0xff;
  digest[offset + 2] = (value >>> 8) & 0xff;
  digest[offset + 3] = value & 0xff;
}

/** Standard base64 of the 20-byte digest: six full 3-byte groups, then two bytes and one `=`. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 18; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += BASE64[n >>> 18] + BASE64[(n >>> 12) & 63] + BASE64[(n >>> 6) & 63] + BASE64[n & 63];
  }
  const n = (bytes[18] << 16) | (bytes[19] << 8);
  return out + BASE64[n >>> 18] + BASE64[(n >>> 12) & 63] + BASE64[(n >>> 6) & 63] + '=';
}
