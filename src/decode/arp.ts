import { readU16, readU32, readU48 } from './bytes.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** Fixed ARP part: hardware type, protocol type, lengths, operation. */
const ARP_FIXED_BYTES = 8;
/** Ethernet/IPv4 ARP: two MACs and two IPv4 addresses follow. */
const ARP_ETHER_IPV4_BYTES = ARP_FIXED_BYTES + 2 * (6 + 4);

/**
 * Decodes an Ethernet/IPv4 ARP message (RFC 826) into the `arp*` fields.
 * Other address sizes are `corrupt_arp_header`, as Zeek names them.
 * @example decodeArp(frame, 14, frame.length, out) // → 42, out.arpOp 1
 */
export function decodeArp(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < ARP_FIXED_BYTES) return failDecode(out, 'truncated_arp');
  out.arpOp = readU16(bytes, offset + 6);
  if (bytes[offset + 4] !== 6 || bytes[offset + 5] !== 4) return failDecode(out, 'corrupt_arp_header');
  if (end - offset < ARP_ETHER_IPV4_BYTES) return failDecode(out, 'truncated_arp');
  out.arpSenderMac = readU48(bytes, offset + 8);
  out.arpSenderIp = readU32(bytes, offset + 14);
  out.arpTargetMac = readU48(bytes, offset + 18);
  out.arpTargetIp = readU32(bytes, offset + 24);
  return offset + ARP_ETHER_IPV4_BYTES;
}
