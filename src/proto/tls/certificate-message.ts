import { MAX_CERTIFICATES } from './limits.js';

/**
 * The DER certificates of a TLS ≤ 1.2 Certificate message body (RFC 5246
 * §7.4.2): a 3-byte list length, then 3-byte length + DER per certificate.
 * Stops at the first entry that does not fit; at most MAX_CERTIFICATES.
 */
export function certificateList(b: Uint8Array): Uint8Array[] {
  const certs: Uint8Array[] = [];
  if (b.length < 3) return certs;
  const end = Math.min(b.length, 3 + ((b[0] << 16) | (b[1] << 8) | b[2]));
  for (let pos = 3; pos + 3 <= end && certs.length < MAX_CERTIFICATES;) {
    const len = (b[pos] << 16) | (b[pos + 1] << 8) | b[pos + 2];
    if (pos + 3 + len > end) break;
    certs.push(b.subarray(pos + 3, pos + 3 + len));
    pos += 3 + len;
  }
  return certs;
}
