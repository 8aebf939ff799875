import type { RawPacket } from '../capture/packet.js';
import type { DecodedPacket } from '../decode/packet.js';
import type { WeirdCounter } from '../util/weird.js';
import type { AppHooks } from './app-hooks.js';
import { Conn } from './conn.js';
import { ConnIndex } from './conn-index.js';
import { connRecord, type ConnRecord } from './conn-record.js';
import { ExpiryLists } from './expiry-lists.js';
import { FlowKey } from './flow-key.js';
import { newFlowStats, type FlowStats } from './flow-stats.js';
import { noteOrigData } from './bursts.js';
import * as L from './limits.js';
import { LocalNets } from './local-nets.js';
import { flipsOriginator } from './originator.js';
import { isTcpReuse, processTcpPacket } from './tcp-segment.js';
import { TcpState } from './tcp-endpoint.js';
import { UidGenerator } from './uid.js';

/** Options of a FlowTable; timeouts in seconds. */
export interface FlowTableOptions {
  /** Receives each connection's record when it ends. */
  onConn: (rec: ConnRecord) => void;
  weird?: WeirdCounter;
  tcpInactivity?: number;
  udpInactivity?: number;
  icmpInactivity?: number;
  /** Connections tracked at once; beyond it the longest-idle one is ended early (counted). */
  maxConnections?: number;
  /** CIDRs for local_orig/local_resp (default: private, CGNAT, loopback, link-local, ULA). */
  localNets?: string[];
  analyzers?: AppHooks;
  /** Seed of the deterministic uids. */
  uidSeed?: string;
  /** Keep the same 5-tuple on different VLANs apart (Zeek's vlan_fivetuple conn key); default false, as Zeek. */
  vlanKeys?: boolean;
}

/** Expiry classes: each list holds connections with one timeout, in deadline order. */
const TCP_IDLE = 0, UDP_IDLE = 1, ICMP_IDLE = 2, CLOSING = 3, ATTEMPT = 4, LIST_COUNT = 5;

/**
 * Bidirectional connection tracking with Zeek's conn.log semantics. Packets
 * are looked up in an open-addressing index over typed arrays (no allocation
 * per packet); connections expire through per-timeout intrusive lists, checked
 * as packet time advances. The table has a fixed budget: when full, the
 * connection closest to expiry is ended early and counted (stats().evicted).
 * @example
 * const table = new FlowTable({ onConn: (rec) => out.push(rec) });
 * table.add(ts, raw, pkt); // for every packet
 * table.flush(lastTs);     // emits what is still open, with open_at_end
 */
export class FlowTable {
  private readonly opts: FlowTableOptions;
  private readonly max: number;
  private readonly timeouts: Float64Array;
  private readonly conns: (Conn | null)[];
  private readonly index: ConnIndex;
  private readonly lists: ExpiryLists;
  private readonly deadlines: Float64Array;
  private readonly freeSlots: Int32Array;
  private freeCount: number;
  private readonly key: FlowKey;
  private readonly localNets: LocalNets;
  private readonly uids: UidGenerator;
  private readonly counters = newFlowStats();

  constructor(opts: FlowTableOptions) {
    this.opts = opts;
    this.key = new FlowKey(opts.vlanKeys);
    this.max = opts.maxConnections ?? L.DEFAULT_MAX_CONNECTIONS;
    if (!Number.isInteger(this.max) || this.max < 1) throw new RangeError(`Cannot use maxConnections ${this.max}: expected a positive integer`);
    this.timeouts = Float64Array.of(timeout('tcpInactivity', opts.tcpInactivity ?? L.DEFAULT_TCP_INACTIVITY),
      timeout('udpInactivity', opts.udpInactivity ?? L.DEFAULT_UDP_INACTIVITY), timeout('icmpInactivity', opts.icmpInactivity ?? L.DEFAULT_ICMP_INACTIVITY),
      L.TCP_CLOSE_DELAY, L.TCP_ATTEMPT_DELAY);
    this.conns = new Array<Conn | null>(this.max).fill(null);
    this.index = new ConnIndex(this.max);
    this.lists = new ExpiryLists(this.max, LIST_COUNT);
    this.deadlines = new Float64Array(this.max);
    this.freeSlots = new Int32Array(this.max);
    for (let i = 0; i < this.max; i++) this.freeSlots[i] = this.max - 1 - i;
    this.freeCount = this.max;
    this.localNets = new LocalNets(opts.localNets);
    this.uids = new UidGenerator(opts.uidSeed ?? 'tracer');
  }

  /** Accounts one decoded packet (`ts` in epoch seconds). Never throws on packet contents. */
  add(ts: number, _raw: RawPacket, pkt: DecodedPacket): void {
    this.expire(ts);
    const proto = pkt.ipProto;
    if (pkt.ipVersion === 0) { this.counters.nonIpPackets++; return; }
    if (proto !== 6 && proto !== 17 && proto !== 1 && proto !== 58) { this.counters.otherProtoPackets++; return; }
    if (pkt.payloadOffset <= pkt.ipOffset) { this.counters.undecodedPackets++; return; }
    const key = this.key;
    key.fill(pkt);
    let slot = this.index.find(key);
    if (slot >= 0 && proto === 6 && isTcpReuse(this.conns[slot] as Conn, pkt, this.opts.weird)) {
      this.counters.reused++;
      this.end(slot, ts, false);
      slot = -1;
    }
    if (slot < 0) slot = this.create(ts, pkt);
    const conn = this.conns[slot] as Conn;
    const isOrig = key.srcFirst === conn.origFirst;
    this.count(conn, isOrig, pkt, ts);
    // Scheduled before the application layer runs, so the table stays consistent whatever it does.
    this.schedule(slot, conn);
    const hooks = this.opts.analyzers;
    if (hooks && pkt.payloadLength > 0 && proto !== 1 && proto !== 58) hooks.onPacket(conn, key.srcFirst === conn.origFirst, pkt, ts);
  }

  /**
   * Lets time pass without a packet (a live capture on an idle link): ends the
   * connections whose timeouts fall before `ts`, exactly as a packet at `ts` would.
   */
  advance(ts: number): void {
    this.expire(ts);
  }

  /** Ends every open connection at `ts`, emitting its record (open_at_end unless it had closed). */
  flush(ts: number): void {
    this.expire(ts);
    for (let list = 0; list < LIST_COUNT; list++) {
      for (let slot = this.lists.head(list); slot >= 0; slot = this.lists.head(list)) {
        if (list !== CLOSING) this.counters.flushed++;
        else this.counters.closed++;
        this.end(slot, ts, list !== CLOSING);
      }
    }
  }

  /** Counters so far (a copy). */
  stats(): FlowStats {
    return { ...this.counters };
  }

  private count(conn: Conn, isOrig: boolean, pkt: DecodedPacket, ts: number): void {
    this.counters.packets++;
    if (isOrig) {
      if (pkt.payloadWireLength > 1) noteOrigData(conn, ts);
      conn.origPkts++;
      conn.origIpBytes += pkt.ipTotalLength;
    }
    else { conn.respPkts++; conn.respIpBytes += pkt.ipTotalLength; }
    if (conn.proto === 6) {
      if (processTcpPacket(conn, isOrig, pkt, ts, this.opts.weird)) conn.closed = true;
      return;
    }
    conn.lastTs = ts;
    const bytes = pkt.payloadWireLength;
    if (isOrig) conn.origPayload = Math.max(conn.origPayload, 0) + bytes;
    else conn.respPayload = Math.max(conn.respPayload, 0) + bytes;
    // UDP marks the first datagram of each direction; Zeek keeps no ICMP history.
    if (conn.proto === 17) conn.history.check(1, 'D', isOrig);
  }

  private create(ts: number, pkt: DecodedPacket): number {
    if (this.freeCount === 0) this.evict(ts);
    const slot = this.freeSlots[--this.freeCount];
    const key = this.key;
    // Salt: the connection's key hash and start time in microseconds (both from the traffic, so deterministic).
    const conn = new Conn(this.uids.next(key.hash ^ Math.floor(ts * 1e6)), pkt, key, ts);
    if (flipsOriginator(pkt)) conn.flip();
    this.conns[slot] = conn;
    this.index.insert(slot, key);
    const c = this.counters;
    c.created++;
    c.active++;
    if (c.active > c.maxActive) c.maxActive = c.active;
    return slot;
  }

  /**
   * Puts the connection on the expiry list its state calls for. Within a list
   * nothing moves per packet: the stored deadline may be early, and expire()
   * re-checks it against the connection's last time before ending anything.
   */
  private schedule(slot: number, conn: Conn): void {
    const list = expiryClass(conn);
    if (this.lists.listOfSlot(slot) === list) return;
    // Zeek's attempt timer runs from the first SYN; retransmissions do not extend it.
    this.deadlines[slot] = conn.lastTs + this.timeouts[list];
    this.lists.append(list, slot);
  }

  /** The real deadline of a listed connection (attempts keep theirs; others follow their last packet). */
  private dueTime(slot: number, list: number): number {
    return list === ATTEMPT ? this.deadlines[slot] : (this.conns[slot] as Conn).lastTs + this.timeouts[list];
  }

  /** Moves heads whose stored deadline is early to the tail with their real one, until the head's is exact. */
  private settle(list: number): void {
    // Each move stores a later deadline, so a connection moves at most once per call.
    for (let slot = this.lists.head(list); slot >= 0 && this.dueTime(slot, list) !== this.deadlines[slot]; slot = this.lists.head(list)) {
      this.deadlines[slot] = this.dueTime(slot, list);
      this.lists.append(list, slot);
    }
  }

  /** Ends connections whose deadline has passed, oldest first. */
  private expire(now: number): void {
    for (let list = 0; list < LIST_COUNT; list++) {
      // Each pass ends a connection or moves it past `now`, so the loop is bounded by the list's length.
      for (let slot = this.lists.head(list); slot >= 0 && this.deadlines[slot] <= now; slot = this.lists.head(list)) {
        const due = this.dueTime(slot, list);
        this.deadlines[slot] = due;
        if (due > now) {
          this.lists.append(list, slot);
          continue;
        }
        if (list === CLOSING) this.counters.closed++;
        else this.counters.timedOut++;
        this.end(slot, due, false);
      }
    }
  }

  /** Makes room: ends the connection whose deadline is nearest. */
  private evict(now: number): void {
    let victim = -1;
    for (let list = 0; list < LIST_COUNT; list++) {
      this.settle(list);
      const slot = this.lists.head(list);
      if (slot >= 0 && (victim < 0 || this.deadlines[slot] < this.deadlines[victim])) victim = slot;
    }
    this.counters.evicted++;
    this.opts.weird?.add('conn_table_full_evicted');
    this.end(victim, now, false);
  }

  private end(slot: number, ts: number, openAtEnd: boolean): void {
    const conn = this.conns[slot] as Conn;
    this.opts.analyzers?.onEnd(conn, ts);
    this.lists.remove(slot);
    this.index.remove(slot);
    this.conns[slot] = null;
    this.freeSlots[this.freeCount++] = slot;
    this.counters.active--;
    this.counters.emitted++;
    this.opts.onConn(connRecord(conn, this.localNets, openAtEnd));
  }
}

function timeout(name: string, seconds: number): number {
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new RangeError(`Cannot use ${name} ${seconds}: expected a positive number of seconds`);
  return seconds;
}

function expiryClass(conn: Conn): number {
  const { orig, resp } = conn;
  if (!orig || !resp) return conn.proto === 17 ? UDP_IDLE : ICMP_IDLE;
  if (conn.closed || orig.state === TcpState.Reset || resp.state === TcpState.Reset) return CLOSING;
  const attempting = (orig.state === TcpState.SynSent || orig.state === TcpState.SynAckSent) && resp.state === TcpState.Inactive;
  return attempting ? ATTEMPT : TCP_IDLE;
}
