import { readU16, readU48 } from './bytes.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** Linux cooked v1: packet type, ARPHRD type, address length, 8 address bytes, protocol. */
const SLL_HEADER_BYTES = 16;
/** Linux cooked v2: protocol, reserved, interface index, ARPHRD type, packet type, address length, 8 address bytes. */
const SLL2_HEADER_BYTES = 20;
/** ARPHRD_ETHER and ARPHRD_LOOPBACK: the link-layer address is a MAC (all zero on loopback). */
const ARPHRD_ETHER = 1, ARPHRD_LOOPBACK = 772;
const MAC_BYTES = 6;

/** Keeps the sender's link address as `srcMac` when it is an Ethernet MAC. */
function keepSenderMac(bytes: Uint8Array, hardwareType: number, addressLength: number, addressOffset: number, out: DecodedPacket): void {
  if ((hardwareType === ARPHRD_ETHER || hardwareType === ARPHRD_LOOPBACK) && addressLength === MAC_BYTES) out.srcMac = readU48(bytes, addressOffset);
}

/**
 * Decodes a Linux cooked capture header (LINKTYPE_LINUX_SLL 113); the protocol
 * field is an EtherType for the frames Tracer follows.
 * @example decodeSll(frame, 0, frame.length, out) // → 16, out.etherType 0x0806
 */
export function decodeSll(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < SLL_HEADER_BYTES) return failDecode(out, 'truncated_sll_header');
  keepSenderMac(bytes, readU16(bytes, offset + 2), readU16(bytes, offset + 4), offset + 6, out);
  out.etherType = readU16(bytes, offset + 14);
  return offset + SLL_HEADER_BYTES;
}

/**
 * Decodes a Linux cooked v2 header (LINKTYPE_LINUX_SLL2 276).
 * @example decodeSll2(frame, 0, frame.length, out) // → 20, out.etherType 0x0800
 */
export function decodeSll2(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < SLL2_HEADER_BYTES) return failDecode(out, 'truncated_sll_header');
  keepSenderMac(bytes, readU16(bytes, offset + 8), bytes[offset + 11], offset + 12, out);
  out.etherType = readU16(bytes, offset);
  return offset + SLL2_HEADER_BYTES;
}
