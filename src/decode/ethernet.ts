import { readU16, readU48 } from './bytes.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** Ethernet II header: destination MAC, source MAC, EtherType. */
export const ETHERNET_HEADER_BYTES = 14;

/** Type field values up to 1500 are IEEE 802.3 lengths (LLC follows), not EtherTypes. */
const MAX_8023_LENGTH = 1500;

/**
 * Decodes an Ethernet II header (LINKTYPE_ETHERNET 1): MACs and EtherType.
 * An 802.3 length frame leaves `etherType` 0 (nothing above is decoded).
 * @example decodeEthernet(frame, 0, frame.length, out) // → 14, out.etherType 0x0800
 */
export function decodeEthernet(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < ETHERNET_HEADER_BYTES) return failDecode(out, 'truncated_ethernet_frame');
  out.dstMac = readU48(bytes, offset);
  out.srcMac = readU48(bytes, offset + 6);
  const type = readU16(bytes, offset + 12);
  out.etherType = type > MAX_8023_LENGTH ? type : 0;
  return offset + ETHERNET_HEADER_BYTES;
}
