import { TCP_ACK, TCP_SYN, type DecodedPacket } from '../decode/packet.js';
import { isLikelyServerPort } from './likely-server-ports.js';

/**
 * Whether a new connection's roles must be flipped so that its first packet
 * is from the responder, as Zeek's WantConnection decides. TCP: only when the
 * first packet is not a plain SYN (a SYN-ACK or mid-stream packet) and comes
 * from a likely server port; when both ports are likely server ports, flip
 * only a non-SYN packet whose source port is lower. UDP: when the source is a
 * likely server port and the destination is not. ICMP: never.
 * @example flipsOriginator(dnsReply) // → true for 53 → 51234
 */
export function flipsOriginator(pkt: DecodedPacket): boolean {
  const src = pkt.srcPort, dst = pkt.dstPort;
  if (pkt.ipProto === 17) return isLikelyServerPort(17, src) && !isLikelyServerPort(17, dst);
  if (pkt.ipProto !== 6) return false;
  const flags = pkt.tcpFlags;
  const plainSyn = (flags & TCP_SYN) !== 0 && (flags & TCP_ACK) === 0;
  if (plainSyn || !isLikelyServerPort(6, src)) return false;
  if (isLikelyServerPort(6, dst)) return (flags & TCP_SYN) === 0 && src < dst;
  return true;
}
