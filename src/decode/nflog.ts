import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ether-type.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** NFLOG header: address family, version, resource id. */
const NFLOG_HEADER_BYTES = 4;
/** Each attribute: 2-byte length (incl. this header), 2-byte type, value padded to 4 bytes. */
const TLV_HEADER_BYTES = 4;
const TLV_ALIGN = 4;
/** NFULA_PAYLOAD: the logged network-layer packet. */
const NFULA_PAYLOAD = 9;
/** The kernel defines about 20 attribute types; a log entry has each at most once. */
const MAX_NFLOG_ATTRIBUTES = 32;
const AF_INET = 2, AF_INET6 = 10;

/**
 * Decodes a Linux NFLOG record (LINKTYPE_NFLOG 239): walks its attributes (at
 * most MAX_NFLOG_ATTRIBUTES, lengths in little-endian host order as written by
 * x86 and ARM hosts) to the payload, whose family gives the EtherType.
 * @example decodeNflog(frame, 0, frame.length, out) // → 48, out.etherType 0x0800
 */
export function decodeNflog(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < NFLOG_HEADER_BYTES) return failDecode(out, 'truncated_nflog_header');
  const family = bytes[offset];
  out.etherType = family === AF_INET ? ETHERTYPE_IPV4 : family === AF_INET6 ? ETHERTYPE_IPV6 : 0;
  let o = offset + NFLOG_HEADER_BYTES;
  for (let attributes = 0; attributes < MAX_NFLOG_ATTRIBUTES && end - o >= TLV_HEADER_BYTES; attributes++) {
    const length = bytes[o] | (bytes[o + 1] << 8);
    const type = bytes[o + 2] | (bytes[o + 3] << 8);
    if (length < TLV_HEADER_BYTES || length > end - o) return failDecode(out, 'bad_nflog_attribute_length');
    if (type === NFULA_PAYLOAD) return o + TLV_HEADER_BYTES;
    o += (length + TLV_ALIGN - 1) & ~(TLV_ALIGN - 1);
  }
  return failDecode(out, 'no_nflog_payload');
}
