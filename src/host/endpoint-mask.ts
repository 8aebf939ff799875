import { createHmac } from 'node:crypto';
import { canonicalIp, networkPrefix } from './ip-text.js';

/**
 * Keyed mask of a remote address: HMAC-SHA256(key, canonical address text),
 * hex. Unlike a plain SHA-256, which anyone can invert by hashing all 2^32
 * IPv4 addresses in minutes, the mask cannot be tested without the key.
 * @example maskAddress(maskKey, '192.0.2.7') // 64 hex chars
 */
export function maskAddress(maskKey: Buffer, address: string): string {
  return createHmac('sha256', maskKey).update(canonicalIp(address) ?? address).digest('hex');
}

/** Remote addresses remembered by an EndpointMasker before it starts afresh (bounded memory). */
const MAX_REMEMBERED = 65_536;

/**
 * Masks remote addresses with one key, remembering recent ones: hosts open
 * many connections to few destinations, and each HMAC costs microseconds.
 */
export class EndpointMasker {
  private readonly known = new Map<string, { mask: string; net: string }>();

  constructor(private readonly key: Buffer) {}

  /**
   * The keyed mask and the /24 (/48) network of `address`.
   * @example masker.mask('192.0.2.7') // { mask: '…64 hex…', net: '192.0.2.0/24' }
   */
  mask(address: string): { mask: string; net: string } {
    let entry = this.known.get(address);
    if (entry) return entry;
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    entry = { mask: maskAddress(this.key, address), net: networkPrefix(address) };
    this.known.set(address, entry);
    return entry;
  }
}
