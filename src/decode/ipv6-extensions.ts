import { readU16, readU32 } from './bytes.js';
import { failDecode } from './layer.js';
import { MAX_IPV6_EXTENSION_HEADERS } from './limits.js';
import type { DecodedPacket } from './packet.js';

const HOP_BY_HOP = 0, ROUTING = 43, FRAGMENT = 44, DESTINATION_OPTIONS = 60;
const AUTHENTICATION = 51, MOBILITY = 135, HOST_IDENTITY = 139, SHIM6 = 140;
/** Fragment header is a fixed 8 bytes. */
const FRAGMENT_HEADER_BYTES = 8;
/** Smallest extension header: next header, length, 6 more bytes. */
const MIN_EXTENSION_BYTES = 8;

/** How each next-header value sizes its extension header; 0 means "not an extension, stop". */
const LENGTH_UNITS_OF_8 = 1, LENGTH_UNITS_OF_4 = 2, FIXED_FRAGMENT = 3;
const extensionKind = new Uint8Array(256);
for (const n of [HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS, MOBILITY, HOST_IDENTITY, SHIM6]) extensionKind[n] = LENGTH_UNITS_OF_8;
extensionKind[AUTHENTICATION] = LENGTH_UNITS_OF_4;
extensionKind[FRAGMENT] = FIXED_FRAGMENT;

/**
 * Walks the extension header chain from `offset` with first next-header
 * `next`, at most MAX_IPV6_EXTENSION_HEADERS long. Stops at the upper layer,
 * ESP (50), no-next-header (59), or a real fragment (its payload is reassembled
 * elsewhere); sets `ipProto` and, for fragments, the fragment fields and `ipId`.
 * An atomic fragment (offset 0, no more fragments, RFC 6946) is crossed.
 * @example walkIpv6Extensions(frame, 54, frame.length, 0, out) // → offset of ICMPv6 after hop-by-hop
 */
export function walkIpv6Extensions(bytes: Uint8Array, offset: number, end: number, next: number, out: DecodedPacket): number {
  let o = offset;
  let proto = next;
  for (let headers = 0; extensionKind[proto] !== 0; headers++) {
    if (headers === MAX_IPV6_EXTENSION_HEADERS) return failDecode(out, 'excessive_ipv6_extension_headers');
    if (end - o < MIN_EXTENSION_BYTES) return failDecode(out, 'truncated_ipv6_extension_header');
    const kind = extensionKind[proto];
    const length = kind === FIXED_FRAGMENT ? FRAGMENT_HEADER_BYTES
      : kind === LENGTH_UNITS_OF_4 ? (bytes[o + 1] + 2) * 4 : (bytes[o + 1] + 1) * 8;
    if (end - o < length) return failDecode(out, 'truncated_ipv6_extension_header');
    const current = proto;
    proto = bytes[o];
    if (current === FRAGMENT) {
      const field = readU16(bytes, o + 2);
      if ((field & 0xfff9) !== 0) {
        out.ipFragmentOffset = field & 0xfff8;
        out.ipMoreFragments = (field & 1) !== 0;
        out.ipId = readU32(bytes, o + 4);
        out.ipProto = proto;
        return o + length;
      }
    }
    o += length;
  }
  out.ipProto = proto;
  return o;
}
