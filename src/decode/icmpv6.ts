import { decodeIcmpHeader } from './icmp.js';
import type { DecodedPacket } from './packet.js';

/**
 * Decodes an ICMPv6 (RFC 4443) type and code; the layout matches ICMP's.
 * @example decodeIcmpv6(frame, 54, frame.length, out) // → 62, out.icmpType 128 (echo request)
 */
export function decodeIcmpv6(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  return decodeIcmpHeader(bytes, offset, end, out, 'truncated_icmpv6_header');
}
