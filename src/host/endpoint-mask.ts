import { createHmac } from 'node:crypto';
import { canonicalIp } from './ip-text.js';

/**
 * Keyed mask of a remote address: HMAC-SHA256(key, canonical address text),
 * hex. Unlike a plain SHA-256, which anyone can invert by hashing all 2^32
 * IPv4 addresses in minutes, the mask cannot be tested without the key.
 * @example maskAddress(maskKey, '192.0.2.7') // 64 hex chars
 */
export function maskAddress(maskKey: Buffer, address: string): string {
  return createHmac('sha256', maskKey).update(canonicalIp(address) ?? address).digest('hex');
}
