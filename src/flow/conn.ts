import type { DecodedPacket } from '../decode/packet.js';
import type { FlowKey } from './flow-key.js';
import { resetBursts } from './bursts.js';
import { History } from './history.js';
import { TcpEndpoint } from './tcp-endpoint.js';

/**
 * One connection's state, created once per connection and reused by nothing
 * else. Fields named orig/resp follow the current roles: `flip()` swaps them.
 */
export class Conn {
  /** Zeek-style uid, `C` + base62. */
  readonly uid: string;
  /** IP protocol: 6, 17, 1 or 58. */
  readonly proto: number;
  readonly ipVersion: number;
  /** Originator address words 0-3, responder 4-7 (IPv4 as IPv4-mapped). */
  readonly addresses = new Uint32Array(8);
  origPort = 0;
  respPort = 0;
  /** True when the originator is the first endpoint of the table's canonical key. */
  origFirst = true;
  /** Time of the first and the last packet (epoch seconds). */
  readonly startTs: number;
  lastTs: number;
  origPkts = 0;
  respPkts = 0;
  origIpBytes = 0;
  respIpBytes = 0;
  /** UDP/ICMP payload bytes per direction; -1 until that side sent a packet (Zeek's request_len/reply_len). */
  origPayload = -1;
  respPayload = -1;
  /** TCP: completely closed (FIN both ways, or a RST); it lingers for Zeek's close delay. */
  closed = false;
  /** TCP bytes acknowledged but never seen (Zeek's missed_bytes). */
  missedBytes = 0;
  readonly history = new History();
  /** TCP endpoints (null for UDP and ICMP). */
  orig: TcpEndpoint | null;
  resp: TcpEndpoint | null;
  readonly vlan: number;
  readonly innerVlan: number;
  origMac: number;
  respMac: number;
  /** Application services found (`service` field), in the order found. */
  readonly services: string[] = [];
  /** Originator bursts (see bursts.ts): time of its last data, bursts begun, the first one's offset and bytes before it, the later ones. */
  lastOrigDataTs = -Infinity;
  burstCount = 0;
  firstBurstOffset = 0;
  firstBurstBytes = 0;
  burstStarts: Float64Array | null = null;
  /** Free slot for the application layer's per-connection state. */
  appState: unknown = undefined;

  /** A connection from its first packet; `key` holds its ports (ICMP: type and counterpart or code). */
  constructor(uid: string, pkt: DecodedPacket, key: FlowKey, ts: number) {
    this.uid = uid;
    this.proto = pkt.ipProto;
    this.ipVersion = pkt.ipVersion;
    this.addresses.set(pkt.src, 0);
    this.addresses.set(pkt.dst, 4);
    this.origPort = key.srcPort;
    this.respPort = key.dstPort;
    this.origFirst = key.srcFirst;
    this.startTs = ts;
    this.lastTs = ts;
    this.vlan = pkt.vlan;
    this.innerVlan = pkt.innerVlan;
    this.origMac = pkt.srcMac;
    this.respMac = pkt.dstMac;
    this.orig = pkt.ipProto === 6 ? new TcpEndpoint() : null;
    this.resp = pkt.ipProto === 6 ? new TcpEndpoint() : null;
  }

  /** The originator's address words (a view; for records and analyzers, not per packet). */
  get origAddr(): Uint32Array {
    return this.addresses.subarray(0, 4);
  }

  /** The responder's address words (a view). */
  get respAddr(): Uint32Array {
    return this.addresses.subarray(4, 8);
  }

  /** Adds an application service name to the `service` field (once). */
  addService(name: string): void {
    if (!this.services.includes(name)) this.services.push(name);
  }

  /** Swaps the originator and responder roles and records `^`, as Zeek's Connection::FlipRoles. */
  flip(): void {
    const a = this.addresses;
    for (let i = 0; i < 4; i++) {
      const t = a[i];
      a[i] = a[i + 4];
      a[i + 4] = t;
    }
    [this.origPort, this.respPort] = [this.respPort, this.origPort];
    [this.origMac, this.respMac] = [this.respMac, this.origMac];
    [this.origPkts, this.respPkts] = [this.respPkts, this.origPkts];
    [this.origIpBytes, this.respIpBytes] = [this.respIpBytes, this.origIpBytes];
    [this.origPayload, this.respPayload] = [this.respPayload, this.origPayload];
    [this.orig, this.resp] = [this.resp, this.orig];
    this.origFirst = !this.origFirst;
    this.history.append('^');
    resetBursts(this);
  }
}
