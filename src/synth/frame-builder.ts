/**
 * Builds Ethernet frames (optionally 802.1Q-tagged) carrying IPv4/IPv6 with
 * TCP, UDP or ICMP into a caller-owned buffer. Used to synthesise benchmark
 * captures and the bundled sample scenario; never used on captured traffic.
 */
export interface Endpoint {
  /** 4 bytes for IPv4, 16 for IPv6. */
  ip: Uint8Array;
  mac: Uint8Array;
  port: number;
  /** TTL (hop limit) its packets have at the capture point: 64 minus the routers crossed (default 64). */
  ttl?: number;
}

/** What goes on the wire for one synthesised packet. */
export interface FrameSpec {
  src: Endpoint;
  dst: Endpoint;
  /** 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6. */
  proto: number;
  vlan?: number;
  ttl?: number;
  tcpFlags?: number;
  seq?: number;
  ack?: number;
  window?: number;
  /** TCP options bytes (already padded to a multiple of 4). */
  tcpOptions?: Uint8Array;
  icmpType?: number;
  icmpCode?: number;
  payload: Uint8Array;
}

/** Writes one frame at `out[offset]`; returns the frame length. */
export function writeFrame(out: Uint8Array, offset: number, f: FrameSpec): number {
  let o = offset;
  out.set(f.dst.mac, o); out.set(f.src.mac, o + 6); o += 12;
  if (f.vlan !== undefined) { be16(out, o, 0x8100); be16(out, o + 2, f.vlan & 0xfff); o += 4; }
  const v6 = f.src.ip.length === 16;
  be16(out, o, v6 ? 0x86dd : 0x0800); o += 2;
  const l4len = l4HeaderLength(f) + f.payload.length;
  const ipStart = o;
  if (v6) {
    be32(out, o, 0x60000000); be16(out, o + 4, l4len); out[o + 6] = f.proto; out[o + 7] = f.ttl ?? f.src.ttl ?? 64;
    out.set(f.src.ip, o + 8); out.set(f.dst.ip, o + 24); o += 40;
  } else {
    out[o] = 0x45; out[o + 1] = 0; be16(out, o + 2, 20 + l4len); be16(out, o + 4, 0); be16(out, o + 6, 0x4000);
    out[o + 8] = f.ttl ?? f.src.ttl ?? 64; out[o + 9] = f.proto; be16(out, o + 10, 0);
    out.set(f.src.ip, o + 12); out.set(f.dst.ip, o + 16);
    be16(out, o + 10, ipv4Checksum(out, o));
    o += 20;
  }
  o = writeL4(out, o, f);
  out.set(f.payload, o); o += f.payload.length;
  void ipStart;
  return o - offset;
}

function l4HeaderLength(f: FrameSpec): number {
  if (f.proto === 6) return 20 + (f.tcpOptions?.length ?? 0);
  return 8;
}

function writeL4(out: Uint8Array, o: number, f: FrameSpec): number {
  if (f.proto === 6) {
    const opt = f.tcpOptions?.length ?? 0;
    be16(out, o, f.src.port); be16(out, o + 2, f.dst.port);
    be32(out, o + 4, f.seq ?? 0); be32(out, o + 8, f.ack ?? 0);
    out[o + 12] = ((20 + opt) / 4) << 4; out[o + 13] = f.tcpFlags ?? 0x10;
    be16(out, o + 14, f.window ?? 64240); be16(out, o + 16, 0); be16(out, o + 18, 0);
    if (f.tcpOptions) out.set(f.tcpOptions, o + 20);
    return o + 20 + opt;
  }
  if (f.proto === 17) {
    be16(out, o, f.src.port); be16(out, o + 2, f.dst.port); be16(out, o + 4, 8 + f.payload.length); be16(out, o + 6, 0);
    return o + 8;
  }
  out[o] = f.icmpType ?? 8; out[o + 1] = f.icmpCode ?? 0; be16(out, o + 2, 0); be16(out, o + 4, f.src.port); be16(out, o + 6, 1);
  return o + 8;
}

function ipv4Checksum(b: Uint8Array, o: number): number {
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += (b[o + i] << 8) | b[o + i + 1];
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** Writes a big-endian 16-bit value. */
export function be16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 0xff; b[o + 1] = v & 0xff;
}

/** Writes a big-endian 32-bit value. */
export function be32(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 0xff; b[o + 1] = (v >>> 16) & 0xff; b[o + 2] = (v >>> 8) & 0xff; b[o + 3] = v & 0xff;
}
