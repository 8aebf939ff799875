import { readU16, readU32 } from './bytes.js';
import { walkIpv6Extensions } from './ipv6-extensions.js';
import { failDecode, noteAnomaly } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** Fixed IPv6 header (RFC 8200). */
export const IPV6_HEADER_BYTES = 40;

/**
 * Decodes an IPv6 header and its extension headers (RFC 8200): addresses, hop
 * limit, and the upper-layer protocol after the chain. A payload length beyond
 * the captured bytes of an uncut frame is noted as `ip_total_length_exceeds_capture`.
 * @example decodeIpv6(frame, 14, frame.length, out) // → 54, out.ipProto 58
 */
export function decodeIpv6(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < IPV6_HEADER_BYTES) return failDecode(out, 'truncated_ipv6');
  if (bytes[offset] >> 4 !== 6) return failDecode(out, 'ip_version_mismatch');
  const totalLength = IPV6_HEADER_BYTES + readU16(bytes, offset + 4);
  if (totalLength > end - offset && !out.capTruncated) noteAnomaly(out, 'ip_total_length_exceeds_capture');
  out.ipVersion = 6;
  out.ipOffset = offset;
  out.ipTotalLength = totalLength;
  out.ttl = bytes[offset + 7];
  for (let i = 0; i < 4; i++) {
    out.src[i] = readU32(bytes, offset + 8 + 4 * i);
    out.dst[i] = readU32(bytes, offset + 24 + 4 * i);
  }
  const chainEnd = Math.min(end, offset + totalLength);
  return walkIpv6Extensions(bytes, offset + IPV6_HEADER_BYTES, chainEnd, bytes[offset + 6], out);
}
