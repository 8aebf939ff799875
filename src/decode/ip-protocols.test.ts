import { describe, expect, it } from 'vitest';
import { IP_PROTO, transportDecoders, tunnelEtherTypes } from './ip-protocols.js';

describe('IP protocol tables', () => {
  it('decode TCP, UDP, ICMP, ICMPv6 and follow IPv4/IPv6 tunnels only', () => {
    const decoded = transportDecoders.flatMap((d, proto) => (d ? [proto] : []));
    expect(decoded).toEqual([IP_PROTO.ICMP, IP_PROTO.TCP, IP_PROTO.UDP, IP_PROTO.ICMPV6]);
    expect([tunnelEtherTypes[IP_PROTO.IPV4], tunnelEtherTypes[IP_PROTO.IPV6], tunnelEtherTypes[IP_PROTO.ESP]]).toEqual([0x0800, 0x86dd, 0]);
  });
});
