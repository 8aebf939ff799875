import { readU16 } from './bytes.js';
import { failDecode } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** 802.1Q tag after the outer EtherType: TCI (PCP, DEI, 12-bit id) and the inner EtherType. */
const VLAN_TAG_BYTES = 4;

/** EtherTypes that announce a VLAN tag: 802.1Q, 802.1ad (QinQ S-tag), and the pre-standard 0x9100. */
export const VLAN_ETHER_TYPES = [0x8100, 0x88a8, 0x9100] as const;

/**
 * Decodes one 802.1Q / 802.1ad tag. The first tag sets `vlan`, the second
 * `innerVlan`; deeper tags are crossed without keeping their ids.
 * @example decodeVlan(frame, 14, frame.length, out) // → 18, out.vlan 100
 */
export function decodeVlan(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  if (end - offset < VLAN_TAG_BYTES) return failDecode(out, 'truncated_vlan_header');
  const id = readU16(bytes, offset) & 0x0fff;
  if (out.vlan < 0) out.vlan = id;
  else if (out.innerVlan < 0) out.innerVlan = id;
  out.etherType = readU16(bytes, offset + 2);
  return offset + VLAN_TAG_BYTES;
}
