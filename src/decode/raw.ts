import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ether-type.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** The EtherType for an IP version nibble (4 or 6), or 0 for anything else. */
export function etherTypeOfIpVersion(version: number): number {
  if (version === 4) return ETHERTYPE_IPV4;
  return version === 6 ? ETHERTYPE_IPV6 : 0;
}

/**
 * Raw IP (LINKTYPE_RAW 101, DLT_RAW 12/14 on some systems): no link header,
 * the version nibble tells IPv4 from IPv6.
 * @example decodeRawIp(frame, 0, frame.length, out) // → 0, out.etherType 0x86dd
 */
export function decodeRawIp(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (offset >= end) return failDecode(out, 'truncated_ip');
  out.etherType = etherTypeOfIpVersion(bytes[offset] >> 4);
  return out.etherType === 0 ? failDecode(out, 'unknown_ip_version') : offset;
}

/** LINKTYPE_IPV4 (228): the frame is an IPv4 packet. */
export function decodeRawIpv4(_bytes: Uint8Array, offset: number, _end: number, out: DecodedPacket): number {
  out.etherType = ETHERTYPE_IPV4;
  return offset;
}

/** LINKTYPE_IPV6 (229): the frame is an IPv6 packet. */
export function decodeRawIpv6(_bytes: Uint8Array, offset: number, _end: number, out: DecodedPacket): number {
  out.etherType = ETHERTYPE_IPV6;
  return offset;
}
