import { seqDelta } from './tcp-endpoint.js';

/**
 * TCP stream reassembly for one direction of one connection: in-order
 * delivery, a bounded out-of-order buffer, first-seen-wins overlaps, gaps
 * skipped with resynchronisation, and a memory budget shared by all streams.
 */

/** Out-of-order bytes one direction may buffer (a little over a default receive window). */
export const MAX_STREAM_BUFFERED_BYTES = 256 * 1024;
/** Out-of-order segments one direction may buffer (bounds the drain and insert loops). */
export const MAX_STREAM_SEGMENTS = 512;
/** Bytes the analyzer may leave unconsumed before they are reported as a gap. */
export const MAX_UNCONSUMED_BYTES = 64 * 1024;
/** Segments further ahead than this are not plausible for one window: treated as a new stream position. */
const MAX_SEQUENCE_JUMP = 0x40000000;

/** Where in-order bytes of one direction go (the application analyzer, usually). */
export interface StreamSink {
  /** In-order bytes; returns how many were consumed. */
  data(data: Uint8Array, ts: number): number;
  /** `length` bytes were lost and skipped. */
  gap(length: number, ts: number): void;
  /** A named anomaly of this stream. */
  weird(name: string): void;
}

/** Memory shared by every stream of a flow table, with its counters. */
export class ReassemblyBudget {
  /** Bytes currently held out of order or unconsumed, over all streams. */
  bufferedBytes = 0;
  /** Bytes skipped as content gaps, over all streams. */
  gapBytes = 0;
  /** Content gaps reported. */
  gaps = 0;
  /** Segments not buffered because a budget was exhausted. */
  droppedSegments = 0;

  /** `limit`: total bytes all streams together may buffer. */
  constructor(readonly limit = 256 * 1024 * 1024) {}

  /** True when `bytes` more fit in the shared budget. */
  fits(bytes: number): boolean {
    return this.bufferedBytes + bytes <= this.limit;
  }
}

interface Segment { seq: number; data: Uint8Array }

/** Reassembles one direction of a TCP connection and feeds a {@link StreamSink}. */
export class StreamReassembler {
  private started = false;
  private nextSeq = 0;
  private readonly pending: Segment[] = [];
  private pendingBytes = 0;
  private held = new Uint8Array(0);
  private heldLength = 0;

  constructor(private readonly sink: StreamSink, private readonly budget: ReassemblyBudget) {}

  /** Sets where the stream's data begins (the flow layer's ISN + 1), before the first segment. */
  begin(dataSeq: number): void {
    this.started = true;
    this.nextSeq = dataSeq >>> 0;
  }

  /**
   * Offers one TCP segment of this direction (`flags` as in the TCP header).
   * `missingTail` bytes of its payload were cut by the snap length: when the
   * segment is in order they are reported as a gap at once.
   */
  segment(seq: number, flags: number, payload: Uint8Array, ts: number, missingTail = 0): void {
    const syn = (flags & 0x02) !== 0;
    const dataSeq = (syn ? seq + 1 : seq) >>> 0;
    if (!this.started) this.begin(dataSeq);
    if (payload.length > 0) this.place(dataSeq, payload, ts);
    if (missingTail > 0 && seqDelta(this.nextSeq, dataSeq + payload.length) === 0) this.skipTo((dataSeq + payload.length + missingTail) >>> 0, ts);
    if ((flags & 0x05) !== 0) this.flush(ts);
  }

  /** Offers the bytes the sink left unconsumed again (after it changed its mind, e.g. an analyzer was attached). */
  redeliver(ts: number): void {
    if (this.heldLength === 0) return;
    this.release(this.offer(this.held.subarray(0, this.heldLength), ts));
  }

  /** Delivers whatever is buffered, skipping holes as gaps (FIN, RST, end of capture). */
  flush(ts: number): void {
    for (let i = 0; i < MAX_STREAM_SEGMENTS && this.pending.length > 0; i++) {
      this.skipTo(this.pending[0].seq, ts);
      this.drain(ts);
    }
    this.dropHeld(ts);
  }

  private place(seq: number, payload: Uint8Array, ts: number): void {
    let rel = seqDelta(seq, this.nextSeq);
    if (rel > MAX_SEQUENCE_JUMP || rel < -MAX_SEQUENCE_JUMP) { this.sink.weird('tcp_seq_jump'); this.nextSeq = seq; rel = 0; }
    if (rel + payload.length <= 0) return;
    if (rel < 0) { payload = payload.subarray(-rel); seq = this.nextSeq; rel = 0; }
    if (rel === 0) {
      const beforeBuffered = this.pending.length === 0 ? payload.length : seqDelta(this.pending[0].seq, seq);
      if (beforeBuffered >= payload.length) {
        this.deliver(payload, ts);
        this.drain(ts);
        return;
      }
      this.deliver(payload.subarray(0, beforeBuffered), ts);
      payload = payload.subarray(beforeBuffered);
      seq = this.nextSeq;
    }
    this.buffer(seq, payload, ts);
    this.drain(ts);
  }

  private buffer(seq: number, payload: Uint8Array, ts: number): void {
    for (let attempt = 0; attempt < MAX_STREAM_SEGMENTS; attempt++) {
      const roomHere = this.pendingBytes + payload.length <= MAX_STREAM_BUFFERED_BYTES && this.pending.length < MAX_STREAM_SEGMENTS;
      if (roomHere && this.budget.fits(payload.length)) {
        this.insert(seq, payload);
        return;
      }
      if (this.pending.length === 0) break;
      this.sink.weird('tcp_reassembly_window_overflow');
      this.skipTo(this.pending[0].seq, ts);
      this.drain(ts);
      const rel = seqDelta(seq, this.nextSeq);
      if (rel + payload.length <= 0) return;
      if (rel <= 0) return this.place(seq, payload, ts);
    }
    this.budget.droppedSegments++;
    this.sink.weird('tcp_segment_dropped_budget');
  }

  /** Inserts the parts of `payload` not already buffered; compares the overlapping parts. */
  private insert(seq: number, payload: Uint8Array): void {
    let start = seqDelta(seq, this.nextSeq);
    const end = start + payload.length;
    let index = 0;
    for (; index < this.pending.length && start < end; index++) {
      const seg = this.pending[index];
      const segStart = seqDelta(seg.seq, this.nextSeq);
      const segEnd = segStart + seg.data.length;
      if (segEnd <= start) continue;
      if (segStart > start) {
        const piece = payload.subarray(start - (end - payload.length), Math.min(segStart, end) - (end - payload.length));
        this.store(index++, (this.nextSeq + start) >>> 0, piece);
      }
      const overlapStart = Math.max(start, segStart);
      const overlapEnd = Math.min(end, segEnd);
      if (overlapEnd > overlapStart && !sameBytes(payload, overlapStart - (end - payload.length), seg.data, overlapStart - segStart, overlapEnd - overlapStart)) {
        this.sink.weird('tcp_overlap_mismatch');
      }
      start = Math.max(start, segEnd);
    }
    if (start < end) this.store(index, (this.nextSeq + start) >>> 0, payload.subarray(start - (end - payload.length)));
  }

  private store(index: number, seq: number, piece: Uint8Array): void {
    this.pending.splice(index, 0, { seq, data: piece.slice() });
    this.pendingBytes += piece.length;
    this.budget.bufferedBytes += piece.length;
  }

  /** Delivers buffered segments that have become in order. */
  private drain(ts: number): void {
    for (let i = 0; i < MAX_STREAM_SEGMENTS && this.pending.length > 0; i++) {
      const seg = this.pending[0];
      const rel = seqDelta(seg.seq, this.nextSeq);
      if (rel > 0) return;
      this.pending.shift();
      this.pendingBytes -= seg.data.length;
      this.budget.bufferedBytes -= seg.data.length;
      if (rel + seg.data.length > 0) this.deliver(seg.data.subarray(-rel), ts);
    }
  }

  /** Skips the hole before `seq`, telling the analyzer. */
  private skipTo(seq: number, ts: number): void {
    const hole = seqDelta(seq, this.nextSeq);
    if (hole <= 0) return;
    this.dropHeld(ts);
    this.reportGap(hole, ts);
    this.nextSeq = seq;
  }

  /** Reports the bytes the sink left unconsumed as lost (they can no longer be completed). */
  private dropHeld(ts: number): void {
    if (this.heldLength === 0) return;
    this.reportGap(this.heldLength, ts);
    this.release(this.heldLength);
  }

  private reportGap(length: number, ts: number): void {
    this.budget.gaps++;
    this.budget.gapBytes += length;
    this.sink.gap(length, ts);
  }

  /** Hands in-order bytes to the sink; keeps what it did not consume (zero-copy when nothing is held). */
  private deliver(data: Uint8Array, ts: number): void {
    this.nextSeq = (this.nextSeq + data.length) >>> 0;
    if (this.heldLength === 0) {
      const used = this.offer(data, ts);
      if (used < data.length) this.hold(data.subarray(used), ts);
      return;
    }
    this.hold(data, ts);
    if (this.heldLength === 0) return;
    const used = this.offer(this.held.subarray(0, this.heldLength), ts);
    this.release(used);
  }

  private offer(data: Uint8Array, ts: number): number {
    const used = this.sink.data(data, ts);
    return used >= 0 && used <= data.length ? used : data.length;
  }

  private hold(data: Uint8Array, ts: number): void {
    if (this.heldLength + data.length > MAX_UNCONSUMED_BYTES || !this.budget.fits(data.length)) {
      this.sink.weird('tcp_unconsumed_overflow');
      this.reportGap(this.heldLength + data.length, ts);
      this.release(this.heldLength);
      return;
    }
    if (this.held.length < this.heldLength + data.length) {
      const grown = new Uint8Array(Math.min(MAX_UNCONSUMED_BYTES, Math.max(2 * this.held.length, this.heldLength + data.length, 4096)));
      grown.set(this.held.subarray(0, this.heldLength));
      this.held = grown;
    }
    this.held.set(data, this.heldLength);
    this.heldLength += data.length;
    this.budget.bufferedBytes += data.length;
  }

  private release(count: number): void {
    this.held.copyWithin(0, count, this.heldLength);
    this.heldLength -= count;
    this.budget.bufferedBytes -= count;
  }
}

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
