import { readU16, readU32 } from './bytes.js';
import { failDecode, noteAnomaly, setPayload } from './layer.js';
import type { DecodedPacket } from './packet.js';
import { decodeTcpOptions } from './tcp-options.js';

/** TCP header without options. */
const TCP_MIN_HEADER_BYTES = 20;

/** Marks an empty payload at `at`: used when the header length cannot be trusted or was cut. */
function emptyPayload(out: DecodedPacket, at: number): number {
  out.payloadOffset = at;
  out.payloadLength = 0;
  out.payloadWireLength = 0;
  return at;
}

/**
 * Decodes a TCP header (RFC 9293): ports, flags, sequence numbers, window and
 * options; the payload is what follows the header. With the fixed 20 bytes
 * present, a bad header length keeps those fields and notes
 * `bad_tcp_header_length`; a header the capture cut keeps the options that
 * were captured and notes `truncated_tcp_header`. Neither has a payload.
 * @example decodeTcp(frame, 34, frame.length, out) // → 54, out.tcpFlags 0x02 for a SYN
 */
export function decodeTcp(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < TCP_MIN_HEADER_BYTES) return failDecode(out, 'truncated_tcp_header');
  out.srcPort = readU16(bytes, offset);
  out.dstPort = readU16(bytes, offset + 2);
  out.seq = readU32(bytes, offset + 4);
  out.ack = readU32(bytes, offset + 8);
  out.tcpFlags = bytes[offset + 13];
  out.window = readU16(bytes, offset + 14);
  const headerEnd = offset + (bytes[offset + 12] >> 4) * 4;
  if (headerEnd < offset + TCP_MIN_HEADER_BYTES || headerEnd > out.ipOffset + out.ipTotalLength) {
    noteAnomaly(out, 'bad_tcp_header_length');
    return emptyPayload(out, offset + TCP_MIN_HEADER_BYTES);
  }
  if (headerEnd > end) {
    noteAnomaly(out, 'truncated_tcp_header');
    decodeTcpOptions(bytes, offset + TCP_MIN_HEADER_BYTES, end, out);
    return emptyPayload(out, end);
  }
  decodeTcpOptions(bytes, offset + TCP_MIN_HEADER_BYTES, headerEnd, out);
  setPayload(out, headerEnd, end);
  return headerEnd;
}
