import { failDecode, type LayerDecoder } from './layer.js';
import { MAX_SHIM_HEADERS } from './limits.js';
import { decodeMpls, MPLS_ETHER_TYPES } from './mpls.js';
import type { DecodedPacket } from './packet.js';
import { decodeVlan, VLAN_ETHER_TYPES } from './vlan.js';

/** Decoder per EtherType for headers between the link and network layers (VLAN tags, MPLS). */
const shimDecoders: (LayerDecoder | undefined)[] = new Array(0x10000);
for (const type of VLAN_ETHER_TYPES) shimDecoders[type] = decodeVlan;
for (const type of MPLS_ETHER_TYPES) shimDecoders[type] = decodeMpls;

/**
 * Crosses VLAN tags and MPLS stacks until a network-layer EtherType (at most
 * MAX_SHIM_HEADERS headers); returns the network layer's offset.
 * @example decodeShims(frame, 14, frame.length, out) // QinQ → 22, out.vlan and out.innerVlan set
 */
export function decodeShims(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  let o = offset;
  for (let headers = 0; headers < MAX_SHIM_HEADERS; headers++) {
    const shim = shimDecoders[out.etherType];
    if (shim === undefined) return o;
    o = shim(bytes, o, end, out);
    if (o < 0) return o;
  }
  return failDecode(out, 'excessive_link_headers');
}
