import { failDecode, setPayload } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** Type, code and checksum: enough to classify the message. */
const ICMP_MIN_BYTES = 4;
/** The common header incl. the 4 type-specific bytes (id/sequence, pointer, MTU…). */
const ICMP_HEADER_BYTES = 8;

/**
 * Reads the type and code shared by ICMP and ICMPv6; the payload starts after
 * the 8-byte header. Fails with `truncatedCode` below 4 bytes.
 */
export function decodeIcmpHeader(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket, truncatedCode: string): number {
  if (end - offset < ICMP_MIN_BYTES) return failDecode(out, truncatedCode);
  out.icmpType = bytes[offset];
  out.icmpCode = bytes[offset + 1];
  const payloadOffset = Math.min(end, offset + ICMP_HEADER_BYTES);
  setPayload(out, payloadOffset, end);
  return payloadOffset;
}

/**
 * Decodes an ICMP (RFC 792) type and code.
 * @example decodeIcmp(frame, 34, frame.length, out) // → 42, out.icmpType 8 (echo request)
 */
export function decodeIcmp(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  return decodeIcmpHeader(bytes, offset, end, out, 'truncated_icmp_header');
}
