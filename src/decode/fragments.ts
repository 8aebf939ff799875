import type { WeirdCounter } from '../util/weird.js';
import { noteAnomaly } from './layer.js';
import { MAX_IPV4_DATAGRAM_BYTES, MAX_IPV6_DATAGRAM_BYTES, type DecodeLimits } from './limits.js';
import type { DecodedPacket } from './packet.js';
import { assembleDatagram, type Fragment, type PendingDatagram } from './fragment-assembly.js';

/** Fragment payloads other than the last must be a multiple of the 8-byte offset unit. */
const FRAGMENT_UNIT_BYTES = 8;

/**
 * Reassembles IPv4 and IPv6 fragments (RFC 791, RFC 8200) within the bounds
 * of DecodeLimits. Allocation happens on fragments only. Overlaps keep the
 * first bytes seen and are noted as `fragment_overlap` (same bytes) or
 * `fragment_inconsistency` (different bytes).
 * @example const whole = reassembler.add(frame, 34, frame.length, out) // null until the last piece
 */
export class FragmentReassembler {
  /** Capture time in seconds of the packet being decoded, set by the caller before `add`. */
  now = 0;
  private readonly pending = new Map<string, PendingDatagram>();
  private bytesHeld = 0;

  constructor(private readonly limits: DecodeLimits, private readonly weird?: WeirdCounter) {}

  /** Datagrams waiting for fragments. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Adds the fragment decoded into `out` (IP header at `out.ipOffset`, payload
   * from `payloadOffset`). Returns the rebuilt datagram, header first, when this
   * fragment completes it; otherwise null.
   */
  add(bytes: Uint8Array, payloadOffset: number, end: number, out: DecodedPacket): Uint8Array | null {
    this.expire();
    const length = out.ipOffset + out.ipTotalLength - payloadOffset;
    if (length < 0 || end - payloadOffset < length) return null;
    const fragmentEnd = out.ipFragmentOffset + length;
    const largest = out.ipVersion === 4 ? MAX_IPV4_DATAGRAM_BYTES : MAX_IPV6_DATAGRAM_BYTES;
    if (fragmentEnd + (payloadOffset - out.ipOffset) > largest) {
      noteAnomaly(out, 'excessively_large_fragment');
      return null;
    }
    if (out.ipMoreFragments && length % FRAGMENT_UNIT_BYTES !== 0) {
      noteAnomaly(out, 'fragment_size_inconsistency');
      return null;
    }
    const key = datagramKey(out);
    const datagram = this.pending.get(key) ?? this.open(key);
    if (!this.accepts(datagram, fragmentEnd, out)) return null;
    const fragment: Fragment = { offset: out.ipFragmentOffset, data: bytes.slice(payloadOffset, payloadOffset + length) };
    noteOverlaps(datagram.fragments, fragment, out);
    datagram.fragments.push(fragment);
    this.bytesHeld += length;
    if (out.ipFragmentOffset === 0) datagram.header = bytes.slice(out.ipOffset, payloadOffset);
    if (!out.ipMoreFragments) datagram.totalLength = fragmentEnd;
    const whole = assembleDatagram(datagram, out.ipVersion);
    if (whole !== null) {
      this.drop(key, datagram);
      return whole;
    }
    this.enforceBytes();
    return null;
  }

  /** Checks the fragment against what the datagram already knows; notes why it is refused. */
  private accepts(datagram: PendingDatagram, fragmentEnd: number, out: DecodedPacket): boolean {
    const known = datagram.totalLength;
    if (known >= 0 && (fragmentEnd > known || (!out.ipMoreFragments && fragmentEnd !== known))) {
      noteAnomaly(out, 'fragment_size_inconsistency');
      return false;
    }
    if (datagram.fragments.length >= this.limits.maxFragmentsPerDatagram) {
      noteAnomaly(out, 'excessive_fragments');
      return false;
    }
    return true;
  }

  private open(key: string): PendingDatagram {
    while (this.pending.size >= this.limits.maxFragmentDatagrams) this.evictOldest('fragment_buffer_full');
    const datagram: PendingDatagram = { firstSeen: this.now, header: null, fragments: [], totalLength: -1 };
    this.pending.set(key, datagram);
    return datagram;
  }

  private expire(): void {
    const oldest = this.limits.fragmentTimeoutSeconds;
    for (const [key, datagram] of this.pending) {
      if (this.now - datagram.firstSeen <= oldest) return;
      this.drop(key, datagram);
      this.weird?.add('fragment_reassembly_timeout');
    }
  }

  private enforceBytes(): void {
    while (this.bytesHeld > this.limits.maxFragmentBytes && this.pending.size > 0) this.evictOldest('fragment_buffer_full');
  }

  private evictOldest(code: string): void {
    const first = this.pending.entries().next();
    if (first.done === true) return;
    this.drop(first.value[0], first.value[1]);
    this.weird?.add(code);
  }

  private drop(key: string, datagram: PendingDatagram): void {
    for (const f of datagram.fragments) this.bytesHeld -= f.data.length;
    this.pending.delete(key);
  }
}

/** Identifies a datagram: version, addresses, id, and for IPv4 the protocol (RFC 791). */
function datagramKey(out: DecodedPacket): string {
  const s = out.src, d = out.dst;
  const proto = out.ipVersion === 4 ? out.ipProto : -1;
  return `${out.ipVersion}|${s[0]},${s[1]},${s[2]},${s[3]}|${d[0]},${d[1]},${d[2]},${d[3]}|${out.ipId}|${proto}`;
}

/** Notes whether `fresh` overlaps bytes already held, with the same or different content. */
function noteOverlaps(held: Fragment[], fresh: Fragment, out: DecodedPacket): void {
  const freshEnd = fresh.offset + fresh.data.length;
  for (const f of held) {
    const from = Math.max(f.offset, fresh.offset);
    const to = Math.min(f.offset + f.data.length, freshEnd);
    if (from >= to) continue;
    for (let i = from; i < to; i++) {
      if (f.data[i - f.offset] !== fresh.data[i - fresh.offset]) {
        noteAnomaly(out, 'fragment_inconsistency');
        return;
      }
    }
    noteAnomaly(out, 'fragment_overlap');
  }
}
