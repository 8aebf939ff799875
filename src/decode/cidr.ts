import { parseAddress } from './address.js';

/** A network prefix over the four address words (IPv4 prefixes count the 96 mapped bits). */
export interface Cidr {
  /** Network address words, already masked. */
  words: Uint32Array;
  /** Mask per word, so that matching allocates nothing. */
  masks: Uint32Array;
  /** Prefix length over 128 bits. */
  bits: number;
  /** 4 or 6, as written. */
  version: number;
}

/** Bits of the IPv4-mapped prefix ::ffff:0:0/96. */
const MAPPED_BITS = 96;

/**
 * Parses `a.b.c.d/n` or `ipv6/n` (a bare address is a full-length prefix);
 * returns null when the text is not a network.
 * @example parseCidr('10.0.0.0/8') // { bits: 104, version: 4, … }
 */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const words = parseAddress(addressText);
  if (words === null) return null;
  const version = addressText.includes(':') ? 6 : 4;
  const maxLength = version === 4 ? 32 : 128;
  const lengthText = slash < 0 ? String(maxLength) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > maxLength) return null;
  const bits = Number(lengthText) + (version === 4 ? MAPPED_BITS : 0);
  const masks = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const wordBits = Math.min(32, Math.max(0, bits - 32 * i));
    masks[i] = wordBits === 0 ? 0 : (0xffffffff << (32 - wordBits)) >>> 0;
    words[i] = (words[i] & masks[i]) >>> 0;
  }
  return { words, masks, bits, version };
}

/**
 * True when `address` (four words, as in DecodedPacket) lies in `cidr`. Allocates nothing.
 * @example cidrContains(parseCidr('10.0.0.0/8')!, out.src)
 */
export function cidrContains(cidr: Cidr, address: Uint32Array): boolean {
  for (let i = 0; i < 4; i++) {
    if (((address[i] & cidr.masks[i]) >>> 0) !== cidr.words[i]) return false;
  }
  return true;
}
