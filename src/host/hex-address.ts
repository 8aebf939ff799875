import { hexDigit } from './net-table.js';

/**
 * Decodes an address as /proc/net prints it: IPv4 is one 32-bit word and IPv6
 * four words, each printed with %08X from host memory, so on a little-endian
 * host the bytes of every word appear reversed. `littleEndian` is the byte
 * order of the host that wrote the table (`os.endianness() === 'LE'`).
 * @example formatHexAddress(Buffer.from('0100007F'), 0, 4, true) // '127.0.0.1'
 */
export function formatHexAddress(buf: Buffer, start: number, family: 4 | 6, littleEndian: boolean): string {
  const bytes = family === 4 ? 4 : 16;
  const out = addressBytes;
  for (let word = 0; word < bytes / 4; word++) {
    for (let i = 0; i < 4; i++) {
      const at = start + word * 8 + i * 2;
      const value = hexDigit(buf[at]) * 16 + hexDigit(buf[at + 1]);
      out[word * 4 + (littleEndian ? 3 - i : i)] = value;
    }
  }
  return family === 4 ? `${out[0]}.${out[1]}.${out[2]}.${out[3]}` : formatIpv6(out);
}

/** Scratch for one decoded address, reused by every call (no allocation per socket). */
const addressBytes = new Uint8Array(16);

/** RFC 5952 text of 16 address bytes (longest zero run compressed, IPv4-mapped shown dotted). */
export function formatIpv6(bytes: Uint8Array): string {
  const isMapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMapped) return `::ffff:${bytes.subarray(12).join('.')}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
    if (j > i) i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
