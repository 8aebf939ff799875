import { readU16 } from './bytes.js';
import { failDecode, noteAnomaly } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** UDP header: ports, length, checksum. */
const UDP_HEADER_BYTES = 8;

/**
 * Decodes a UDP header (RFC 768). A length field below 8 or beyond the IP
 * payload is noted as `udp_length_mismatch` and the IP length is used instead.
 * @example decodeUdp(frame, 34, frame.length, out) // → 42, out.dstPort 53
 */
export function decodeUdp(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < UDP_HEADER_BYTES) return failDecode(out, 'truncated_udp_header');
  out.srcPort = readU16(bytes, offset);
  out.dstPort = readU16(bytes, offset + 2);
  const ipPayload = out.ipOffset + out.ipTotalLength - offset;
  let length = readU16(bytes, offset + 4);
  if (length < UDP_HEADER_BYTES || length > ipPayload) {
    noteAnomaly(out, 'udp_length_mismatch');
    length = ipPayload;
  }
  const payloadOffset = offset + UDP_HEADER_BYTES;
  const payloadEnd = Math.min(end, offset + length);
  out.payloadOffset = payloadOffset;
  out.payloadLength = payloadEnd > payloadOffset ? payloadEnd - payloadOffset : 0;
  out.payloadWireLength = length - UDP_HEADER_BYTES;
  return payloadOffset;
}
