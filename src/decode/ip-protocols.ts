import { ETHERTYPE_IPV4, ETHERTYPE_IPV6 } from './ether-type.js';
import { decodeIcmp } from './icmp.js';
import { decodeIcmpv6 } from './icmpv6.js';
import type { LayerDecoder } from './layer.js';
import { decodeTcp } from './tcp.js';
import { decodeUdp } from './udp.js';

/** IP protocol numbers (IANA) that Tracer decodes. */
export const IP_PROTO = { ICMP: 1, IPV4: 4, TCP: 6, UDP: 17, IPV6: 41, ESP: 50, ICMPV6: 58, NO_NEXT: 59 } as const;

/** Transport decoder per IP protocol number. */
export const transportDecoders: (LayerDecoder | undefined)[] = new Array(256);
transportDecoders[IP_PROTO.TCP] = decodeTcp;
transportDecoders[IP_PROTO.UDP] = decodeUdp;
transportDecoders[IP_PROTO.ICMP] = decodeIcmp;
transportDecoders[IP_PROTO.ICMPV6] = decodeIcmpv6;

/** EtherType of the inner packet for tunnel protocols (IPv4-in-IP, 6in4/6in6), else 0. */
export const tunnelEtherTypes = new Uint16Array(256);
tunnelEtherTypes[IP_PROTO.IPV4] = ETHERTYPE_IPV4;
tunnelEtherTypes[IP_PROTO.IPV6] = ETHERTYPE_IPV6;
