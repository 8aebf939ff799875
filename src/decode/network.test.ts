import { describe, expect, it } from 'vitest';
import { WeirdCounter } from '../util/weird.js';
import { formatAddress } from './address.js';
import { PacketDecoder } from './index.js';
import { decodeFrame, hexBytes } from './testing/frames.js';

// c8:bc:c8:96:d2:a0 > 00:10:db:88:d2:ef, IPv4, length 86: (ttl 64, id 1, proto IPv6 (41), length 72)
//   1.2.3.4 > 5.6.7.8: (hlim 64, next-header UDP (17) payload length: 12) dead::beef.30000 > cafe::babe.13000: UDP, length 4
const SIX_IN_FOUR = '0010db88d2efc8bcc896d2a00800450000480001000040296a79010203040506070860000000000c1140dead000000000000000000000000beefcafe000000000000000000000000babe753032c8000c83d258585858';
const ETHER = '0010db88d2efc8bcc896d2a00800';
// IP 10.0.0.1.1234 > 10.0.0.2.80: UDP, length 0
const INNER_UDP = '4500001c00010000401100000a0000010a00000204d2005000080000';

/** `inner` wrapped in `times` IPv4-in-IPv4 headers (192.0.2.1 > 192.0.2.2, proto 4). */
function ipInIp(inner: string, times: number): string {
  let packet = inner;
  for (let i = 0; i < times; i++) {
    const total = (20 + packet.length / 2).toString(16).padStart(4, '0');
    packet = `4500${total}00000000400400 00c0000201c0000202`.replace(' ', '') + packet;
  }
  return ETHER + packet;
}

describe('decodeNetwork: tunnels', () => {
  it('follows 6in4 to the inner IPv6 packet (innermost wins)', () => {
    const p = decodeFrame(SIX_IN_FOUR);
    expect([p.tunnelDepth, p.ipVersion, p.ipOffset, p.ipProto]).toEqual([1, 6, 34, 17]);
    expect(formatAddress(p.src, 6)).toBe('dead::beef');
    expect([p.srcPort, p.dstPort, p.payloadLength]).toEqual([30000, 13000, 4]);
  });

  it('follows IPv4-in-IPv4 up to the depth limit', () => {
    const p = decodeFrame(hexBytes(ipInIp(INNER_UDP, 3)));
    expect([p.tunnelDepth, p.dstPort, p.anomaly]).toEqual([3, 80, '']);
    expect(formatAddress(p.dst, 4)).toBe('10.0.0.2');
  });

  it('stops past the depth limit with exceeded_tunnel_max_depth, counted once', () => {
    const weird = new WeirdCounter();
    const p = decodeFrame(hexBytes(ipInIp(INNER_UDP, 4)), { decoder: new PacketDecoder({ weird }) });
    expect([p.tunnelDepth, p.anomaly, p.srcPort]).toEqual([3, 'exceeded_tunnel_max_depth', 0]);
    expect(weird.toJSON()).toEqual({ exceeded_tunnel_max_depth: 1 });
  });

  it('reports a broken inner header and keeps the outer packet', () => {
    const p = decodeFrame(hexBytes(ipInIp('4500', 1)));
    expect([p.anomaly, p.tunnelDepth, formatAddress(p.src, 4)]).toEqual(['truncated_ip', 1, '192.0.2.1']);
  });

  it('leaves an unknown protocol (IGMP) as payload', () => {
    const igmp = '46c000200000400001020000c0a80101e0000001940400001600fa04effffffa';
    const p = decodeFrame(hexBytes(ETHER + igmp));
    expect([p.ipProto, p.payloadOffset, p.payloadLength, p.anomaly]).toEqual([2, 38, 8, '']);
  });
});
