/** TCP endpoint states, as Zeek's TCP_ENDPOINT_*. */
export enum TcpState { Inactive = 0, SynSent = 1, SynAckSent = 2, Partial = 3, Established = 4, Closed = 5, Reset = 6 }

/** 2^32, to combine a wrap count with a 32-bit sequence number. */
const SEQ_SPACE = 0x1_0000_0000;

/** Signed distance from `b` to `a` on the 32-bit sequence circle (Zeek's seq_delta). */
export function seqDelta(a: number, b: number): number {
  return (a - b) | 0;
}

/**
 * One side of a TCP connection: its state and sequence-space bookkeeping,
 * as Zeek's TCP_Endpoint. Sequence numbers are unsigned 32-bit values; wraps
 * are counted so that sizes stay exact beyond 4 GB.
 */
export class TcpEndpoint {
  state = TcpState.Inactive;
  prevState = TcpState.Inactive;
  startSeq = 0;
  lastSeq = 0;
  lastWraps = 0;
  ackSeq = 0;
  ackWraps = 0;
  finCount = 0;
  /** Relative sequence number just past the FIN. */
  finSeq = 0;
  didClose = false;
  histLastSyn = 0;
  histLastFin = 0;
  histLastRst = 0;
  /** Relative sequence number up to which this side's data is contiguous (for content gaps). */
  contiguousEnd = 1;
  /** Out-of-order data seen beyond contiguousEnd, as one hull [aheadStart, aheadEnd), or aheadEnd = 0. */
  aheadStart = 0;
  aheadEnd = 0;

  /** Moves to `state`, remembering the previous one. */
  setState(state: TcpState): void {
    this.prevState = this.state;
    this.state = state;
  }

  /** Starts the sequence space at `seq` (a SYN's, or one before a partial connection's first byte). */
  initSeqs(start: number, last: number): void {
    this.startSeq = start >>> 0;
    this.ackSeq = start >>> 0;
    this.ackWraps = 0;
    this.lastSeq = last >>> 0;
    this.lastWraps = 0;
  }

  /** Advances the highest sequence number sent, counting wraps. */
  updateLastSeq(seq: number): void {
    if (seq >>> 0 < this.lastSeq) this.lastWraps++;
    this.lastSeq = seq >>> 0;
  }

  /** Advances the highest sequence number the peer acknowledged, counting wraps. */
  updateAckSeq(seq: number): void {
    if (seq >>> 0 < this.ackSeq) this.ackWraps++;
    this.ackSeq = seq >>> 0;
  }

  /** `seq` relative to the start, in the wrap epoch `wraps` (Zeek's ToRelativeSeqSpace). */
  relative(seq: number, wraps: number): number {
    return wraps * SEQ_SPACE + (seq >>> 0) - this.startSeq;
  }

  /** Payload bytes sent, from the sequence space (Zeek's TCP_Endpoint::Size). */
  size(peer: TcpEndpoint): number {
    if (this.prevState === TcpState.SynSent && this.state === TcpState.Reset && peer.state === TcpState.Inactive) return 0;
    const last = this.lastWraps * SEQ_SPACE + this.lastSeq;
    const ack = this.ackWraps * SEQ_SPACE + this.ackSeq;
    let size = Math.max(last, ack) - this.startSeq;
    if (size > 0) size--;
    if (this.finCount > 0 && size > 0) size--;
    return Math.max(0, size);
  }
}
