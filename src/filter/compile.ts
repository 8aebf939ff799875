import { parseAddress } from '../decode/address.js';
import { cidrContains, parseCidr, type Cidr } from '../decode/cidr.js';
import type { DecodedPacket } from '../decode/packet.js';
import type { Direction, FilterNode, ProtocolName } from './ast.js';

/** A compiled filter: true when the packet matches. Allocates nothing per call. */
export type PacketPredicate = (pkt: DecodedPacket) => boolean;

const ETHERTYPE_ARP = 0x0806;
const ETHERTYPE_RARP = 0x8035;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;
/** Word 2 of an IPv4-mapped address (::ffff:a.b.c.d). */
const MAPPED_PREFIX = 0xffff;

const PROTOCOL_TESTS: Record<ProtocolName, PacketPredicate> = {
  tcp: (p) => p.ipVersion !== 0 && p.ipProto === IPPROTO_TCP,
  udp: (p) => p.ipVersion !== 0 && p.ipProto === IPPROTO_UDP,
  icmp: (p) => p.ipVersion === 4 && p.ipProto === 1,
  icmp6: (p) => p.ipVersion === 6 && p.ipProto === 58,
  ip: (p) => p.ipVersion === 4,
  ip6: (p) => p.ipVersion === 6,
  arp: (p) => p.etherType === ETHERTYPE_ARP,
};

function isArp(p: DecodedPacket): boolean {
  return p.etherType === ETHERTYPE_ARP || p.etherType === ETHERTYPE_RARP;
}

function sameAddress(a: Uint32Array, b: Uint32Array): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/**
 * Applies `test` to the source, destination or either address of packets of
 * IP version `version` (an IPv4 address never matches an IPv6 packet), as `dir` says.
 */
function byDirection(dir: Direction, version: number, test: (words: Uint32Array) => boolean, arpTest: ((ip: number) => boolean) | null): PacketPredicate {
  const ipSrc = (p: DecodedPacket): boolean => p.ipVersion === version && test(p.src);
  const ipDst = (p: DecodedPacket): boolean => p.ipVersion === version && test(p.dst);
  // libpcap's `host`/`net` on an IPv4 address also match ARP/RARP sender (src) and target (dst) addresses.
  const arpSrc = arpTest === null ? () => false : (p: DecodedPacket): boolean => isArp(p) && arpTest(p.arpSenderIp >>> 0);
  const arpDst = arpTest === null ? () => false : (p: DecodedPacket): boolean => isArp(p) && arpTest(p.arpTargetIp >>> 0);
  if (dir === 'src') return (p) => ipSrc(p) || arpSrc(p);
  if (dir === 'dst') return (p) => ipDst(p) || arpDst(p);
  return (p) => ipSrc(p) || ipDst(p) || arpSrc(p) || arpDst(p);
}

function hostTest(dir: Direction, address: string): PacketPredicate {
  const words = parseAddress(address) as Uint32Array;
  const v4 = !address.includes(':');
  return byDirection(dir, v4 ? 4 : 6, (w) => sameAddress(w, words), v4 ? (ip) => ip === words[3] : null);
}

function netTest(dir: Direction, text: string): PacketPredicate {
  const cidr = parseCidr(text) as Cidr;
  const scratch = new Uint32Array([0, 0, MAPPED_PREFIX, 0]);
  const arpTest = cidr.version === 4 ? (ip: number): boolean => { scratch[3] = ip; return cidrContains(cidr, scratch); } : null;
  return byDirection(dir, cidr.version, (w) => cidrContains(cidr, w), arpTest);
}

/** Offset of the transport header in a first IPv4 fragment, or -1 when its bytes hold no ports. */
function firstFragmentTransport(p: DecodedPacket): number {
  if (p.reassembled || p.ipFragmentOffset !== 0 || p.ipVersion !== 4) return -1;
  const o = p.ipOffset + (p.data[p.ipOffset] & 0x0f) * 4;
  return o + 4 <= p.data.length ? o : -1;
}

/**
 * Ports as BPF sees them on the wire: decoded ports of an unfragmented packet,
 * the header bytes of a first IPv4 fragment, none on other fragments (nor on
 * the fragment that completed a datagram, nor on any IPv6 fragment).
 */
function wirePort(p: DecodedPacket, source: boolean): number {
  if (p.ipFragmentOffset < 0 && !p.reassembled) return source ? p.srcPort : p.dstPort;
  const o = firstFragmentTransport(p);
  if (o < 0) return -1;
  const at = source ? o : o + 2;
  return (p.data[at] << 8) | p.data[at + 1];
}

function portTest(node: Extract<FilterNode, { kind: 'port' }>): PacketPredicate {
  const { low, high, transport } = node;
  const proto = transport === 'tcp' ? IPPROTO_TCP : transport === 'udp' ? IPPROTO_UDP : -1;
  const transportOk = (p: DecodedPacket): boolean =>
    p.ipVersion !== 0 && (proto < 0 ? p.ipProto === IPPROTO_TCP || p.ipProto === IPPROTO_UDP : p.ipProto === proto);
  const inRange = (port: number): boolean => port >= low && port <= high;
  const src = (p: DecodedPacket): boolean => inRange(wirePort(p, true));
  const dst = (p: DecodedPacket): boolean => inRange(wirePort(p, false));
  if (node.dir === 'src') return (p) => transportOk(p) && src(p);
  if (node.dir === 'dst') return (p) => transportOk(p) && dst(p);
  return (p) => transportOk(p) && (src(p) || dst(p));
}

/** Builds the predicate of a parsed filter: closures made once, none per packet. */
export function compileNode(node: FilterNode): PacketPredicate {
  switch (node.kind) {
    case 'and': { const a = compileNode(node.left), b = compileNode(node.right); return (p) => a(p) && b(p); }
    case 'or': { const a = compileNode(node.left), b = compileNode(node.right); return (p) => a(p) || b(p); }
    case 'not': { const a = compileNode(node.operand); return (p) => !a(p); }
    case 'protocol': return PROTOCOL_TESTS[node.name];
    case 'ip-proto': { const n = node.number; return (p) => p.ipVersion !== 0 && p.ipProto === n; }
    case 'host': return hostTest(node.dir, node.address);
    case 'net': return netTest(node.dir, node.cidr);
    case 'port': return portTest(node);
    case 'vlan': { const id = node.id; return id === null ? (p) => p.vlan >= 0 : (p) => p.vlan === id; }
  }
}
