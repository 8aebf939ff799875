import { formatAddress } from '../decode/address.js';
import type { DecodedPacket } from '../decode/packet.js';
import type { StatsTick, Talker } from './events.js';

/** Seconds of packet time the rates, protocol mix and top talkers cover. */
export const WINDOW_SECONDS = 10;
/** Distinct sources tracked per second; beyond it a second's extra sources count only in the totals (a spoofed-source flood stays bounded). */
export const MAX_TALKERS_PER_SECOND = 4096;
/** Sources listed in a stats tick. */
export const TOP_TALKERS = 10;
/** Protocol-mix slots: one per IP protocol number, plus one for frames without IP. */
const NON_IP = 256;
const PROTOCOL_LABELS: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmp6', [NON_IP]: 'non_ip' };
/** Keys of IPv6 talkers are offset past every IPv4 address so the two never collide. */
const IPV6_KEY_BASE = 2 ** 32;

/** The counters of one second, reused when the ring comes round (no allocation per packet). */
class SecondBucket {
  second = -1;
  packets = 0;
  bytes = 0;
  readonly protocols = new Float64Array(NON_IP + 1);
  readonly slotOf = new Map<number, number>();
  readonly talkerPackets = new Float64Array(MAX_TALKERS_PER_SECOND);
  readonly talkerBytes = new Float64Array(MAX_TALKERS_PER_SECOND);
  readonly talkerWords = new Uint32Array(MAX_TALKERS_PER_SECOND * 4);
  readonly talkerVersion = new Uint8Array(MAX_TALKERS_PER_SECOND);

  reset(second: number): void {
    this.second = second;
    this.packets = 0;
    this.bytes = 0;
    this.protocols.fill(0);
    this.slotOf.clear();
  }
}

/**
 * Packets/s, bytes/s, protocol mix and top talkers over a sliding window of
 * packet time, kept in a ring of one-second buckets. `add` is per packet and
 * allocates nothing; `snapshot` (about once a second) builds the tick.
 */
export class TrafficStats {
  totalPackets = 0;
  totalBytes = 0;
  private readonly ring = Array.from({ length: WINDOW_SECONDS }, () => new SecondBucket());
  private firstSecond = -1;

  /** Counts one packet of `wireBytes` bytes at `ts` (epoch seconds). */
  add(ts: number, wireBytes: number, pkt: DecodedPacket): void {
    const second = Math.floor(ts);
    if (this.firstSecond < 0) this.firstSecond = second;
    const bucket = this.ring[second % WINDOW_SECONDS];
    if (bucket.second !== second) {
      if (bucket.second > second) return; // older than the window: in the totals only
      bucket.reset(second);
    }
    this.totalPackets++;
    this.totalBytes += wireBytes;
    bucket.packets++;
    bucket.bytes += wireBytes;
    bucket.protocols[pkt.ipVersion === 0 ? NON_IP : pkt.ipProto & 0xff]++;
    if (pkt.ipVersion !== 0) countTalker(bucket, pkt, wireBytes);
  }

  /** The window ending at `now` (epoch seconds) as a stats tick. */
  snapshot(now: number): StatsTick {
    const newest = Math.floor(now);
    const span = this.firstSecond < 0 ? WINDOW_SECONDS : Math.max(1, Math.min(WINDOW_SECONDS, newest - this.firstSecond + 1));
    let packets = 0, bytes = 0;
    const protocols: Record<string, number> = {};
    const talkers = new Map<string, Talker>();
    for (const b of this.ring) {
      if (b.second < 0 || b.second > newest || b.second <= newest - WINDOW_SECONDS) continue;
      packets += b.packets;
      bytes += b.bytes;
      b.protocols.forEach((n, proto) => {
        if (n === 0) return;
        const label = PROTOCOL_LABELS[proto] ?? 'other_ip';
        protocols[label] = (protocols[label] ?? 0) + n;
      });
      for (const slot of b.slotOf.values()) {
        const ip = formatAddress(b.talkerWords.subarray(slot * 4, slot * 4 + 4), b.talkerVersion[slot]);
        const t = talkers.get(ip) ?? { ip, packets: 0, bytes: 0 };
        t.packets += b.talkerPackets[slot];
        t.bytes += b.talkerBytes[slot];
        talkers.set(ip, t);
      }
    }
    const topTalkers = [...talkers.values()].sort((a, b) => b.bytes - a.bytes || (a.ip < b.ip ? -1 : 1)).slice(0, TOP_TALKERS);
    return {
      type: 'stats', ts: now, windowSeconds: span, packetsPerSec: packets / span, bytesPerSec: bytes / span,
      protocols, topTalkers, totalPackets: this.totalPackets, totalBytes: this.totalBytes,
    };
  }
}

/** Adds the packet's source to the bucket's talkers (a new source takes a free slot, if any). */
function countTalker(bucket: SecondBucket, pkt: DecodedPacket, wireBytes: number): void {
  const w = pkt.src;
  const key = pkt.ipVersion === 4 ? w[3] : IPV6_KEY_BASE + (mixWords(w) >>> 0);
  let slot = bucket.slotOf.get(key);
  if (slot === undefined) {
    if (bucket.slotOf.size >= MAX_TALKERS_PER_SECOND) return;
    slot = bucket.slotOf.size;
    bucket.slotOf.set(key, slot);
    bucket.talkerWords.set(w, slot * 4);
    bucket.talkerVersion[slot] = pkt.ipVersion;
    bucket.talkerPackets[slot] = 0;
    bucket.talkerBytes[slot] = 0;
  } else if (pkt.ipVersion === 6 && !sameWords(bucket.talkerWords, slot * 4, w)) {
    return; // a 32-bit hash collision between two IPv6 sources: the second is left out of the top list
  }
  bucket.talkerPackets[slot]++;
  bucket.talkerBytes[slot] += wireBytes;
}

function mixWords(w: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) h = Math.imul(h ^ w[i], 0x01000193);
  return h;
}

function sameWords(store: Uint32Array, at: number, w: Uint32Array): boolean {
  return store[at] === w[0] && store[at + 1] === w[1] && store[at + 2] === w[2] && store[at + 3] === w[3];
}
