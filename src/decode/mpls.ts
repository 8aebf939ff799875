import { failDecode } from './layer.js';
import { MAX_MPLS_LABELS } from './limits.js';
import type { DecodedPacket } from './packet.js';
import { etherTypeOfIpVersion } from './raw.js';

/** One MPLS label stack entry: label (20 bits), traffic class, bottom-of-stack, TTL. */
const MPLS_ENTRY_BYTES = 4;

/** EtherTypes of MPLS unicast and multicast. */
export const MPLS_ETHER_TYPES = [0x8847, 0x8848] as const;

/**
 * Pops an MPLS label stack (at most MAX_MPLS_LABELS), then guesses the payload
 * from the IP version nibble, as Zeek and tshark do.
 * @example decodeMpls(frame, 14, frame.length, out) // → 18, out.mplsLabels 1, out.etherType 0x0800
 */
export function decodeMpls(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket): number {
  let o = offset;
  for (let labels = 0; labels < MAX_MPLS_LABELS; labels++) {
    if (end - o < MPLS_ENTRY_BYTES) return failDecode(out, 'truncated_mpls_header');
    const bottom = (bytes[o + 2] & 0x01) !== 0;
    o += MPLS_ENTRY_BYTES;
    out.mplsLabels++;
    if (bottom) {
      if (o >= end) return failDecode(out, 'truncated_mpls_header');
      out.etherType = etherTypeOfIpVersion(bytes[o] >> 4);
      return out.etherType === 0 ? failDecode(out, 'no_ip_in_mpls_payload') : o;
    }
  }
  return failDecode(out, 'mpls_label_stack_too_deep');
}
