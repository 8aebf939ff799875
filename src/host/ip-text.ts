import { isIPv4, isIPv6 } from 'node:net';
import { formatIpv6 } from './hex-address.js';

/**
 * The 4 or 16 bytes of an address in text form, or null when it is not an
 * address. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) yields the 4 IPv4 bytes, so
 * both spellings of one host compare equal.
 * @example ipBytes('::ffff:10.0.0.1') // Uint8Array [10, 0, 0, 1]
 */
function ipBytes(text: string): Uint8Array | null {
  if (isIPv4(text)) return Uint8Array.from(text.split('.').map(Number));
  if (!isIPv6(text)) return null;
  const bytes = ipv6Bytes(text);
  const isMapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return isMapped ? bytes.slice(12) : bytes;
}

/**
 * One canonical text per address (dotted IPv4, RFC 5952 IPv6), or null.
 * @example canonicalIp('2001:DB8:0:0::1') // '2001:db8::1'
 */
export function canonicalIp(text: string): string | null {
  const bytes = ipBytes(text);
  if (!bytes) return null;
  return bytes.length === 4 ? bytes.join('.') : formatIpv6(bytes);
}

/**
 * The network an address belongs to at the granularity records keep:
 * /24 for IPv4, /48 for IPv6 (a typical site allocation).
 * @example networkPrefix('192.0.2.77') // '192.0.2.0/24'
 */
export function networkPrefix(text: string): string {
  const bytes = ipBytes(text);
  if (!bytes) return '';
  if (bytes.length === 4) return `${bytes[0]}.${bytes[1]}.${bytes[2]}.0/24`;
  const prefix = new Uint8Array(16);
  prefix.set(bytes.subarray(0, 6));
  return `${formatIpv6(prefix)}/48`;
}

/** Bytes of a valid IPv6 text (already checked by `isIPv6`), embedded IPv4 tail included. */
function ipv6Bytes(text: string): Uint8Array {
  const out = new Uint8Array(16);
  const [head, tail = ''] = text.includes('::') ? text.split('::') : [text, undefined];
  const words = (part: string): number[] => {
    if (part === '') return [];
    const groups = part.split(':');
    const last = groups[groups.length - 1];
    if (!isIPv4(last)) return groups.map((g) => parseInt(g, 16));
    const v4 = last.split('.').map(Number);
    return [...groups.slice(0, -1).map((g) => parseInt(g, 16)), (v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
  };
  const front = words(head);
  const back = text.includes('::') ? words(tail) : [];
  const all = [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
  all.forEach((w, i) => { out[i * 2] = w >> 8; out[i * 2 + 1] = w & 0xff; });
  return out;
}
