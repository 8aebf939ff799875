import { readU16, readU32 } from './bytes.js';
import { failDecode, noteAnomaly } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** IPv4 header without options. */
const IPV4_MIN_HEADER_BYTES = 20;
/** IHL counts 32-bit words; options are skipped, never walked (15 words = 60 bytes at most). */
const IHL_WORD_BYTES = 4;
const MORE_FRAGMENTS = 0x2000;
const FRAGMENT_OFFSET_MASK = 0x1fff;
/** Fragment offsets count 8-byte units. */
const FRAGMENT_UNIT_BYTES = 8;
/** IPv4-mapped IPv6 prefix word (::ffff:a.b.c.d). */
const MAPPED_PREFIX = 0xffff;

/** Stores an IPv4 address as the IPv4-mapped words Tracer uses for both families. */
function storeMapped(words: Uint32Array, address: number): void {
  words[0] = 0; words[1] = 0; words[2] = MAPPED_PREFIX; words[3] = address;
}

/**
 * Decodes an IPv4 header (RFC 791): addresses, TTL, protocol, id, fragment
 * fields. Options are skipped. A total length beyond the captured bytes of an
 * uncut frame is noted as `ip_total_length_exceeds_capture`; the layers above
 * are still decoded from what is there.
 * @example decodeIpv4(frame, 14, frame.length, out) // → 34, out.ipProto 6
 */
export function decodeIpv4(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < IPV4_MIN_HEADER_BYTES) return failDecode(out, 'truncated_ip');
  if (bytes[offset] >> 4 !== 4) return failDecode(out, 'ip_version_mismatch');
  const headerBytes = (bytes[offset] & 0x0f) * IHL_WORD_BYTES;
  if (headerBytes < IPV4_MIN_HEADER_BYTES) return failDecode(out, 'bad_ip_header_length');
  if (headerBytes > end - offset) return failDecode(out, 'truncated_ip');
  let totalLength = readU16(bytes, offset + 2);
  if (totalLength === 0) {
    // Segmentation offload writes 0 before the NIC splits the packet: use what was captured, as tshark does.
    noteAnomaly(out, 'bogus_ip_header_lengths');
    totalLength = end - offset;
  }
  if (totalLength < headerBytes) return failDecode(out, 'bogus_ip_header_lengths');
  if (totalLength > end - offset && !out.capTruncated) noteAnomaly(out, 'ip_total_length_exceeds_capture');
  out.ipVersion = 4;
  out.ipOffset = offset;
  out.ipTotalLength = totalLength;
  out.ipId = readU16(bytes, offset + 4);
  const fragment = readU16(bytes, offset + 6);
  const fragmentOffset = (fragment & FRAGMENT_OFFSET_MASK) * FRAGMENT_UNIT_BYTES;
  out.ipMoreFragments = (fragment & MORE_FRAGMENTS) !== 0;
  out.ipFragmentOffset = out.ipMoreFragments || fragmentOffset > 0 ? fragmentOffset : -1;
  out.ttl = bytes[offset + 8];
  out.ipProto = bytes[offset + 9];
  storeMapped(out.src, readU32(bytes, offset + 12));
  storeMapped(out.dst, readU32(bytes, offset + 16));
  return offset + headerBytes;
}
