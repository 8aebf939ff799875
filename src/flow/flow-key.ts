import type { DecodedPacket } from '../decode/packet.js';
import { icmpCounterpart } from './icmp-pairing.js';

/** Words of a connection key: two addresses (4 words each), both ports, protocol, VLAN tags. */
export const KEY_WORDS = 11;
/** Bit set in the protocol word of one-way ICMP keys, whose direction is part of the key. */
const ONE_WAY_BIT = 0x100;

/**
 * The reusable per-packet view of a connection key. `fill` writes the
 * canonical key (lower address:port first, as Zeek and Community ID order
 * endpoints) into `words`, without allocating.
 */
export class FlowKey {
  readonly words = new Uint32Array(KEY_WORDS);
  /** Port (ICMP: type) of the packet's source, as the connection sees it. */
  srcPort = 0;
  /** Port (ICMP: counterpart type or code) of the packet's destination. */
  dstPort = 0;
  /** True when the packet's source is the first endpoint of the canonical key. */
  srcFirst = true;
  /** 32-bit hash of `words`. */
  hash = 0;

  /**
   * With `vlanAware`, the outer and inner VLAN ids are part of the key, so the same
   * 5-tuple on different VLANs (overlapping address spaces) is kept apart. Zeek's
   * default, and Tracer's, ignores VLANs: one flow seen on two VLANs stays one connection.
   */
  constructor(private readonly vlanAware = false) {}

  /** Fills the key from a decoded TCP, UDP, ICMP or ICMPv6 packet. */
  fill(pkt: DecodedPacket): void {
    let oneWay = false;
    if (pkt.ipProto === 1 || pkt.ipProto === 58) {
      this.srcPort = pkt.icmpType;
      const counterpart = icmpCounterpart(pkt.ipProto, pkt.icmpType);
      oneWay = counterpart < 0;
      this.dstPort = oneWay ? pkt.icmpCode : counterpart;
    } else {
      this.srcPort = pkt.srcPort;
      this.dstPort = pkt.dstPort;
    }
    this.srcFirst = oneWay || endpointOrder(pkt.src, this.srcPort, pkt.dst, this.dstPort) <= 0;
    const w = this.words;
    const a = this.srcFirst ? pkt.src : pkt.dst;
    const b = this.srcFirst ? pkt.dst : pkt.src;
    w[0] = a[0]; w[1] = a[1]; w[2] = a[2]; w[3] = a[3];
    w[4] = b[0]; w[5] = b[1]; w[6] = b[2]; w[7] = b[3];
    w[8] = this.srcFirst ? (this.srcPort << 16) | this.dstPort : (this.dstPort << 16) | this.srcPort;
    w[9] = pkt.ipProto | (oneWay ? ONE_WAY_BIT : 0);
    w[10] = this.vlanAware ? (((pkt.vlan + 1) & 0xffff) << 16 | ((pkt.innerVlan + 1) & 0xffff)) >>> 0 : 0;
    this.hash = hashWords(w);
  }
}

/** Compares two address:port endpoints (addresses as words, then ports): negative, 0 or positive. */
export function endpointOrder(a: Uint32Array, aPort: number, b: Uint32Array, bPort: number): number {
  for (let i = 0; i < 4; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return aPort - bPort;
}

/** Murmur3-style 32-bit hash of the key words (no allocation). */
export function hashWords(w: Uint32Array): number {
  let h = 0x9747b28c;
  for (let i = 0; i < KEY_WORDS; i++) {
    let k = Math.imul(w[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
