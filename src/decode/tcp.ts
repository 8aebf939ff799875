import { readU16, readU32 } from './bytes.js';
import { failDecode, setPayload } from './layer.js';
import type { DecodedPacket } from './packet.js';
import { decodeTcpOptions } from './tcp-options.js';

/** TCP header without options. */
const TCP_MIN_HEADER_BYTES = 20;

/**
 * Decodes a TCP header (RFC 9293): ports, flags, sequence numbers, window and
 * options; the payload is what follows the header.
 * @example decodeTcp(frame, 34, frame.length, out) // → 54, out.tcpFlags 0x02 for a SYN
 */
export function decodeTcp(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < TCP_MIN_HEADER_BYTES) return failDecode(out, 'truncated_tcp_header');
  const headerBytes = (bytes[offset + 12] >> 4) * 4;
  if (headerBytes < TCP_MIN_HEADER_BYTES) return failDecode(out, 'bad_tcp_header_length');
  if (offset + headerBytes > out.ipOffset + out.ipTotalLength) return failDecode(out, 'bad_tcp_header_length');
  if (headerBytes > end - offset) return failDecode(out, 'truncated_tcp_header');
  out.srcPort = readU16(bytes, offset);
  out.dstPort = readU16(bytes, offset + 2);
  out.seq = readU32(bytes, offset + 4);
  out.ack = readU32(bytes, offset + 8);
  out.tcpFlags = bytes[offset + 13];
  out.window = readU16(bytes, offset + 14);
  decodeTcpOptions(bytes, offset + TCP_MIN_HEADER_BYTES, offset + headerBytes, out);
  setPayload(out, offset + headerBytes, end);
  return offset + headerBytes;
}
