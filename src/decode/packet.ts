/**
 * The decoded headers of one packet, filled in place by the decoders.
 *
 * One instance is reused for every packet (no allocation per packet). Addresses
 * are kept as four 32-bit words in network order: IPv6 as is, IPv4 in the
 * IPv4-mapped form `::ffff:a.b.c.d` (words 0,0,0xffff,addr) so that hashing and
 * comparison are the same for both families. Offsets index into `data`.
 */
export interface DecodedPacket {
  /** The bytes the offsets below refer to: the frame, or a reassembled IP datagram. */
  data: Uint8Array;
  linkType: number;
  /** True when the capture cut the frame (caplen < wire length): short lengths are then no anomaly. */
  capTruncated: boolean;

  // --- Layer 2 ---
  /** Source/destination MAC as a 48-bit integer, or -1 when the link has none. */
  srcMac: number;
  dstMac: number;
  /** Outer 802.1Q VLAN id, or -1. */
  vlan: number;
  /** Inner (QinQ) VLAN id, or -1. */
  innerVlan: number;
  /** Number of MPLS labels popped. */
  mplsLabels: number;
  /** EtherType of the network layer (0x0800, 0x86dd, 0x0806…), 0 when unknown. */
  etherType: number;

  // --- ARP (etherType 0x0806) ---
  arpOp: number;
  arpSenderMac: number;
  arpSenderIp: number;
  arpTargetMac: number;
  arpTargetIp: number;

  // --- Layer 3 ---
  /** 4, 6, or 0 when the packet has no IP layer. */
  ipVersion: number;
  /** Offset of the innermost IP header in `data`. */
  ipOffset: number;
  /** Length of the innermost IP packet per its header (header + payload), as Zeek's ip_bytes. */
  ipTotalLength: number;
  ttl: number;
  /** Upper-layer protocol number after IPv6 extension headers (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6…). */
  ipProto: number;
  ipId: number;
  /** Source and destination address words (see above). */
  src: Uint32Array;
  dst: Uint32Array;
  /** Number of IP-in-IP / 6in4 encapsulations crossed to reach the inner packet. */
  tunnelDepth: number;
  /** True when `data` holds a datagram rebuilt from fragments. */
  reassembled: boolean;
  /** Byte offset of this fragment in its datagram, or -1 when the packet is not a fragment. */
  ipFragmentOffset: number;
  /** The fragment's more-fragments flag (false when not a fragment). */
  ipMoreFragments: boolean;

  // --- Layer 4 ---
  srcPort: number;
  dstPort: number;
  /** TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80). */
  tcpFlags: number;
  seq: number;
  ack: number;
  window: number;
  /** TCP options; -1 when absent. */
  mss: number;
  windowScale: number;
  sackPermitted: boolean;
  sackBlocks: number;
  tsVal: number;
  tsEcr: number;
  /** ICMP/ICMPv6 type and code; -1 when not ICMP. */
  icmpType: number;
  icmpCode: number;
  /** Application payload within `data`; length may be less than the header claims when the snaplen cut it. */
  payloadOffset: number;
  payloadLength: number;
  /** Payload length the headers claim (what was on the wire). */
  payloadWireLength: number;

  /**
   * First anomaly found while decoding (a weird code), or ''. Decoding stops at
   * a broken layer; a length mismatch or bad option is noted and decoding goes on.
   */
  anomaly: string;
}

/** Creates an empty, reusable DecodedPacket. */
export function newDecodedPacket(): DecodedPacket {
  const p = {
    data: new Uint8Array(0), linkType: 0, capTruncated: false,
    srcMac: -1, dstMac: -1, vlan: -1, innerVlan: -1, mplsLabels: 0, etherType: 0,
    arpOp: 0, arpSenderMac: -1, arpSenderIp: 0, arpTargetMac: -1, arpTargetIp: 0,
    ipVersion: 0, ipOffset: 0, ipTotalLength: 0, ttl: 0, ipProto: -1, ipId: 0,
    src: new Uint32Array(4), dst: new Uint32Array(4), tunnelDepth: 0, reassembled: false,
    ipFragmentOffset: -1, ipMoreFragments: false,
    srcPort: 0, dstPort: 0, tcpFlags: 0, seq: 0, ack: 0, window: 0,
    mss: -1, windowScale: -1, sackPermitted: false, sackBlocks: 0, tsVal: -1, tsEcr: -1,
    icmpType: -1, icmpCode: -1, payloadOffset: 0, payloadLength: 0, payloadWireLength: 0,
    anomaly: '',
  };
  return p;
}

/** Resets every field to its empty value, keeping the address arrays. */
export function resetDecodedPacket(p: DecodedPacket): void {
  p.linkType = 0; p.capTruncated = false;
  p.srcMac = -1; p.dstMac = -1; p.vlan = -1; p.innerVlan = -1; p.mplsLabels = 0; p.etherType = 0;
  p.arpOp = 0; p.arpSenderMac = -1; p.arpSenderIp = 0; p.arpTargetMac = -1; p.arpTargetIp = 0;
  p.ipVersion = 0; p.ipOffset = 0; p.ipTotalLength = 0; p.ttl = 0; p.ipProto = -1; p.ipId = 0;
  p.src[0] = 0; p.src[1] = 0; p.src[2] = 0; p.src[3] = 0; p.dst[0] = 0; p.dst[1] = 0; p.dst[2] = 0; p.dst[3] = 0;
  p.tunnelDepth = 0; p.reassembled = false;
  p.ipFragmentOffset = -1; p.ipMoreFragments = false;
  p.srcPort = 0; p.dstPort = 0; p.tcpFlags = 0; p.seq = 0; p.ack = 0; p.window = 0;
  p.mss = -1; p.windowScale = -1; p.sackPermitted = false; p.sackBlocks = 0; p.tsVal = -1; p.tsEcr = -1;
  p.icmpType = -1; p.icmpCode = -1; p.payloadOffset = 0; p.payloadLength = 0; p.payloadWireLength = 0;
  p.anomaly = '';
}

/** TCP flag bits. */
export const TCP_FIN = 0x01, TCP_SYN = 0x02, TCP_RST = 0x04, TCP_PSH = 0x08, TCP_ACK = 0x10, TCP_URG = 0x20;
