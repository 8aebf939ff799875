import fc from 'fast-check';

/**
 * Test support: builds valid frames from a description, for the property and
 * fuzz tests (the decoders must read back exactly what was built). Not used by
 * production code.
 */

/** What a generated frame carries. */
export interface PacketSpec {
  link: 'ethernet' | 'sll' | 'sll2' | 'null' | 'raw';
  mac: number[];
  /** Ethernet only: VLAN ids, outermost first. */
  vlans: number[];
  /** Ethernet only: MPLS labels to push. */
  mplsLabels: number;
  /** Outer IP version of an IP-in-IP tunnel, or 0 for none. */
  tunnel: 0 | 4 | 6;
  version: 4 | 6;
  src: number[];
  dst: number[];
  ttl: number;
  transport: 'tcp' | 'udp' | 'icmp';
  srcPort: number; dstPort: number; seq: number; ack: number; flags: number; window: number;
  /** -1 leaves the option out. */
  mss: number; windowScale: number; tsVal: number; tsEcr: number;
  icmpType: number; icmpCode: number;
  payload: number[];
}

const u16 = (v: number): number[] => [v >>> 8, v & 0xff];
const u32 = (v: number): number[] => [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
const IP_PROTO = { tcp: 6, udp: 17 } as const;

/** Arbitrary valid packet descriptions. */
export const packetSpec: fc.Arbitrary<PacketSpec> = fc.record({
  link: fc.constantFrom('ethernet', 'sll', 'sll2', 'null', 'raw'),
  mac: fc.array(fc.nat(255), { minLength: 6, maxLength: 6 }),
  vlans: fc.array(fc.nat(4095), { maxLength: 2 }),
  mplsLabels: fc.nat(3),
  tunnel: fc.constantFrom(0, 0, 4, 6),
  version: fc.constantFrom(4, 6),
  src: fc.array(fc.nat(255), { minLength: 16, maxLength: 16 }),
  dst: fc.array(fc.nat(255), { minLength: 16, maxLength: 16 }),
  ttl: fc.nat(255),
  transport: fc.constantFrom('tcp', 'udp', 'icmp'),
  srcPort: fc.nat(65535), dstPort: fc.nat(65535), seq: fc.nat(0xffffffff), ack: fc.nat(0xffffffff),
  flags: fc.nat(255), window: fc.nat(65535),
  mss: fc.integer({ min: -1, max: 65535 }), windowScale: fc.integer({ min: -1, max: 14 }),
  tsVal: fc.integer({ min: -1, max: 0xffffffff }), tsEcr: fc.nat(0xffffffff),
  icmpType: fc.nat(255), icmpCode: fc.nat(255),
  payload: fc.array(fc.nat(255), { maxLength: 64 }),
}) as fc.Arbitrary<PacketSpec>;

function tcpHeader(s: PacketSpec): number[] {
  const options: number[] = [];
  if (s.mss >= 0) options.push(2, 4, ...u16(s.mss));
  if (s.windowScale >= 0) options.push(1, 3, 3, s.windowScale);
  if (s.tsVal >= 0) options.push(1, 1, 8, 10, ...u32(s.tsVal), ...u32(s.tsEcr));
  const words = 5 + options.length / 4;
  return [...u16(s.srcPort), ...u16(s.dstPort), ...u32(s.seq), ...u32(s.ack), words << 4, s.flags, ...u16(s.window), 0, 0, 0, 0, ...options];
}

function transportBytes(s: PacketSpec): { proto: number; bytes: number[] } {
  if (s.transport === 'icmp') return { proto: s.version === 4 ? 1 : 58, bytes: [s.icmpType, s.icmpCode, 0, 0, 0, 1, 0, 1, ...s.payload] };
  const header = s.transport === 'tcp' ? tcpHeader(s) : [...u16(s.srcPort), ...u16(s.dstPort), ...u16(8 + s.payload.length), 0, 0];
  return { proto: IP_PROTO[s.transport], bytes: [...header, ...s.payload] };
}

/** An IP header of `version` around `inner` (addresses: 4 or 16 bytes of src/dst). */
function ip(version: 4 | 6, proto: number, inner: number[], s: PacketSpec): number[] {
  if (version === 4) {
    return [0x45, 0, ...u16(20 + inner.length), 0, 0, 0x40, 0, s.ttl, proto, 0, 0, ...s.src.slice(0, 4), ...s.dst.slice(0, 4), ...inner];
  }
  return [0x60, 0, 0, 0, ...u16(inner.length), proto, s.ttl, ...s.src, ...s.dst, ...inner];
}

/** The frame for `s` and the link type to read it with. */
export function buildPacket(s: PacketSpec): { bytes: Uint8Array; linkType: number } {
  const { proto, bytes: l4 } = transportBytes(s);
  let packet = ip(s.version, proto, l4, s);
  if (s.tunnel !== 0) packet = ip(s.tunnel, s.version === 4 ? 4 : 41, packet, s);
  const outer = s.tunnel !== 0 ? s.tunnel : s.version;
  const etherType = outer === 4 ? 0x0800 : 0x86dd;
  switch (s.link) {
    case 'sll': return { linkType: 113, bytes: Uint8Array.from([0, 0, 0, 1, 0, 6, ...s.mac, 0, 0, ...u16(etherType), ...packet]) };
    case 'sll2': return { linkType: 276, bytes: Uint8Array.from([...u16(etherType), 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, ...s.mac, 0, 0, ...packet]) };
    case 'null': return { linkType: 0, bytes: Uint8Array.from([outer === 4 ? 2 : 30, 0, 0, 0, ...packet]) };
    case 'raw': return { linkType: 101, bytes: Uint8Array.from(packet) };
    case 'ethernet': {
      const labels = Array.from({ length: s.mplsLabels }, (_, i) => [0, 0x10, i === s.mplsLabels - 1 ? 0x01 : 0, 64]).flat();
      const tags = s.vlans.flatMap((id) => [0x81, 0x00, ...u16(id)]);
      const type = s.mplsLabels > 0 ? 0x8847 : etherType;
      return { linkType: 1, bytes: Uint8Array.from([0, 1, 2, 3, 4, 5, ...s.mac, ...tags, ...u16(type), ...labels, ...packet]) };
    }
  }
}
