import type { Conn } from './conn.js';
import { TcpState, type TcpEndpoint } from './tcp-endpoint.js';

/**
 * Content gaps (Zeek's missed_bytes and history G): bytes of `ep` that its
 * peer acknowledged but that were never captured. Each side keeps the end of
 * its contiguous data and one hull of out-of-order data beyond it; bytes in
 * the hull count as seen, so with several pending holes the count errs low,
 * never high. As Zeek (report_gaps_for_partial = F), gaps count only while
 * both sides are established (SYN_SENT counts as established).
 */
export function noteDataSent(ep: TcpEndpoint, relDataSeq: number, len: number): void {
  const end = relDataSeq + len;
  if (relDataSeq <= ep.contiguousEnd) {
    if (end > ep.contiguousEnd) ep.contiguousEnd = end;
    if (ep.aheadEnd > 0 && ep.aheadStart <= ep.contiguousEnd) {
      ep.contiguousEnd = Math.max(ep.contiguousEnd, ep.aheadEnd);
      ep.aheadEnd = 0;
    }
  } else if (ep.aheadEnd === 0) {
    ep.aheadStart = relDataSeq;
    ep.aheadEnd = end;
  } else {
    ep.aheadStart = Math.min(ep.aheadStart, relDataSeq);
    ep.aheadEnd = Math.max(ep.aheadEnd, end);
  }
}

/** Handles the peer's acknowledgement of `ep`'s data up to relative `relAck`. */
export function noteAckReceived(conn: Conn, ep: TcpEndpoint, peer: TcpEndpoint, relAck: number): void {
  // A FIN takes one sequence number but carries no byte.
  const upTo = ep.finCount > 0 && relAck >= ep.finSeq ? ep.finSeq - 1 : relAck;
  if (upTo <= ep.contiguousEnd) return;
  let seenAhead = 0;
  if (ep.aheadEnd > 0) seenAhead = Math.max(0, Math.min(ep.aheadEnd, upTo) - Math.max(ep.aheadStart, ep.contiguousEnd));
  const missing = upTo - ep.contiguousEnd - seenAhead;
  ep.contiguousEnd = upTo;
  if (ep.aheadEnd > 0 && ep.aheadStart <= upTo) {
    ep.contiguousEnd = Math.max(upTo, ep.aheadEnd);
    ep.aheadEnd = 0;
  }
  if (missing > 0 && established(ep) && established(peer)) {
    conn.missedBytes += missing;
    conn.history.scaled('G', ep === conn.orig);
  }
}

function established(ep: TcpEndpoint): boolean {
  return ep.state === TcpState.Established || ep.state === TcpState.SynSent;
}
