import { decodeArp } from './arp.js';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, ETHERTYPE_IPV6, ETHERTYPE_RARP } from './ether-type.js';
import type { FragmentReassembler } from './fragments.js';
import { transportDecoders, tunnelEtherTypes } from './ip-protocols.js';
import { decodeIpv4 } from './ipv4.js';
import { decodeIpv6 } from './ipv6.js';
import { failDecode, setPayload, type LayerDecoder } from './layer.js';
import type { DecodedPacket } from './packet.js';

/** Decoder per network-layer EtherType. */
const networkDecoders: (LayerDecoder | undefined)[] = new Array(0x10000);
networkDecoders[ETHERTYPE_IPV4] = decodeIpv4;
networkDecoders[ETHERTYPE_IPV6] = decodeIpv6;
networkDecoders[ETHERTYPE_ARP] = decodeArp;
networkDecoders[ETHERTYPE_RARP] = decodeArp;

/** State the network layer needs across packets. */
export interface NetworkContext {
  fragments: FragmentReassembler;
  maxTunnelDepth: number;
}

/**
 * Decodes from the network layer up: ARP or IP, fragment reassembly, IP-in-IP
 * and 6in4 tunnels (innermost packet wins, at most `maxTunnelDepth` deep), then
 * TCP/UDP/ICMP/ICMPv6. Fragments that do not complete a datagram get no
 * transport fields; the one that does switches `out.data` to the datagram.
 */
export function decodeNetwork(bytes: Uint8Array, offset: number, end: number, out: DecodedPacket, ctx: NetworkContext): void {
  let data = bytes, o = offset, e = end;
  // Each pass enters a tunnel or a reassembled datagram, so depth bounds the passes.
  const maxPasses = 2 * (ctx.maxTunnelDepth + 1);
  for (let pass = 0; pass < maxPasses; pass++) {
    const network = networkDecoders[out.etherType];
    if (network === undefined) return setPayload(out, o, e);
    o = network(data, o, e, out);
    if (o < 0 || out.ipVersion === 0) return;
    e = Math.min(e, out.ipOffset + out.ipTotalLength);
    if (out.ipFragmentOffset >= 0) {
      const whole = ctx.fragments.add(data, o, e, out);
      if (whole === null) return;
      out.data = data = whole;
      o = 0; e = whole.length;
      out.reassembled = true; out.ipFragmentOffset = -1; out.ipMoreFragments = false;
      continue;
    }
    const tunnel = tunnelEtherTypes[out.ipProto];
    if (tunnel === 0) {
      const transport = transportDecoders[out.ipProto];
      if (transport === undefined) setPayload(out, o, e);
      else transport(data, o, e, out);
      return;
    }
    if (out.tunnelDepth >= ctx.maxTunnelDepth) return void failDecode(out, 'exceeded_tunnel_max_depth');
    out.tunnelDepth++;
    out.etherType = tunnel;
  }
  failDecode(out, 'exceeded_tunnel_max_depth');
}
