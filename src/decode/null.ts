import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ether-type.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** BSD loopback header: a 4-byte address family in the capturing host's byte order. */
const NULL_HEADER_BYTES = 4;
const AF_INET = 2;
/** AF_INET6 differs by OS: 24 NetBSD/OpenBSD, 28 FreeBSD, 30 macOS (10 would be Linux, which never writes this link type). */
const AF_INET6_VALUES = [24, 28, 30];
/** Families are small numbers: a value above this means the other byte order. */
const MAX_FAMILY = 0xffff;

/** EtherType for each address family value, built once. */
const etherTypeOfFamily = new Uint16Array(256);
etherTypeOfFamily[AF_INET] = ETHERTYPE_IPV4;
for (const family of AF_INET6_VALUES) etherTypeOfFamily[family] = ETHERTYPE_IPV6;

/**
 * Decodes a BSD loopback header (LINKTYPE_NULL 0, LINKTYPE_LOOP 108); the
 * family may be in either byte order, so both are tried.
 * @example decodeNull(frame, 0, frame.length, out) // → 4, out.etherType 0x86dd for family 30
 */
export function decodeNull(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < NULL_HEADER_BYTES) return failDecode(out, 'truncated_null_header');
  const little = (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
  const big = ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
  const family = little <= MAX_FAMILY ? little : big;
  out.etherType = family < etherTypeOfFamily.length ? etherTypeOfFamily[family] : 0;
  return out.etherType === 0 ? failDecode(out, 'unknown_null_family') : offset + NULL_HEADER_BYTES;
}
