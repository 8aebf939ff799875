import { formatMac } from '../decode/address.js';
import type { DecodedPacket } from '../decode/packet.js';
import type { LogRecord } from '../store/schema/types.js';

/** EtherType of ARP. */
const ETHERTYPE_ARP = 0x0806;

/** Formats a 32-bit IPv4 address as a dotted quad. */
function formatIpv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

/** MAC text, or null when the link carried none. */
function macOrNull(n: number): string | null {
  return n < 0 ? null : formatMac(n);
}

/**
 * Per-packet hook of the `arp` stream: appends one record per decoded ARP
 * message and ignores every other packet (one field compare, no allocation).
 * @example const arp = new ArpLog(writers.get('arp')); … arp.add(ts, pkt);
 */
export class ArpLog {
  private readonly record: LogRecord = {
    ts: 0, operation: 0, src_mac: null, dst_mac: null, sender_mac: null, sender_ip: null, target_mac: null, target_ip: null, gratuitous: false,
  };

  constructor(private readonly writer: { append(rec: LogRecord): void }) {}

  /** Records `pkt` when it is an ARP message that decoded fully. */
  add(ts: number, pkt: DecodedPacket): void {
    if (pkt.etherType !== ETHERTYPE_ARP || pkt.arpSenderMac < 0) return;
    const r = this.record;
    r.ts = ts;
    r.operation = pkt.arpOp;
    r.src_mac = macOrNull(pkt.srcMac);
    r.dst_mac = macOrNull(pkt.dstMac);
    r.sender_mac = formatMac(pkt.arpSenderMac);
    r.sender_ip = formatIpv4(pkt.arpSenderIp);
    r.target_mac = formatMac(pkt.arpTargetMac);
    r.target_ip = formatIpv4(pkt.arpTargetIp);
    r.gratuitous = pkt.arpSenderIp === pkt.arpTargetIp;
    this.writer.append(r);
  }
}
