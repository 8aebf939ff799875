import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, type DecodedPacket } from '../decode/packet.js';
import type { WeirdCounter } from '../util/weird.js';
import type { Conn } from './conn.js';
import { TOO_LARGE_SEQ_DELTA } from './limits.js';
import { noteAckReceived, noteDataSent } from './tcp-gaps.js';
import { seqDelta, TcpState, type TcpEndpoint } from './tcp-endpoint.js';
import { updateTcpHistory } from './tcp-history.js';
import { updateTcpState } from './tcp-state.js';

/**
 * Processes one TCP packet of `conn` as Zeek's TCPSessionAdapter::Process:
 * sequence-space bookkeeping (sizes from sequence numbers, wrap-safe),
 * history, state machine, content gaps and close handling. Returns true when
 * the connection is now completely closed (both FINs, or a RST).
 */
export function processTcpPacket(conn: Conn, isOrig: boolean, pkt: DecodedPacket, ts: number, weird?: WeirdCounter): boolean {
  const ep = (isOrig ? conn.orig : conn.resp) as TcpEndpoint;
  const peer = (isOrig ? conn.resp : conn.orig) as TcpEndpoint;
  const flags = pkt.tcpFlags;
  const syn = (flags & TCP_SYN) !== 0, fin = (flags & TCP_FIN) !== 0, rst = (flags & TCP_RST) !== 0, ack = (flags & TCP_ACK) !== 0;
  const len = pkt.payloadWireLength;
  const seq = pkt.seq >>> 0;
  const ackSeq = pkt.ack >>> 0;
  // SYN and FIN take a sequence number each; a RST's data is not part of the stream.
  const segLen = rst ? (syn ? 1 : 0) + (fin ? 1 : 0) : len + (syn ? 1 : 0) + (fin ? 1 : 0);

  initEndpoint(ep, syn, segLen, pkt, weird);
  const relSeq = relativeSeq(ep, seq, ep.lastSeq, ep.lastWraps);
  if (relSeq < 0 && !rst) weird?.add('tcp_seq_underflow_or_misorder');
  updateTcpHistory(conn.history, isOrig, ep, flags, relSeq, len);
  if (pkt.window === 0 && !rst && peer.state !== TcpState.Closed && ep.state !== TcpState.Reset) conn.history.scaled('W', isOrig);
  if (!ep.didClose || !peer.didClose) conn.lastTs = ts;
  if (fin) {
    ep.finCount++;
    ep.finSeq = relSeq + segLen;
  }

  let relAck = 0;
  if (ack) {
    if (peer.state === TcpState.Inactive) {
      relAck = 1;
      // Number the peer's bytes as if its SYN had been seen.
      peer.initSeqs(ackSeq - 1, ackSeq - 1);
    } else {
      relAck = relativeSeq(peer, ackSeq, peer.ackSeq, peer.ackWraps);
      if (relAck < 0) {
        relAck = 0;
        weird?.add('tcp_ack_underflow_or_misorder');
      } else if (!rst && !(ackSeq === 0 && seqDelta(ackSeq, peer.ackSeq) > TOO_LARGE_SEQ_DELTA) && seqDelta(ackSeq, peer.ackSeq) > 0) {
        peer.updateAckSeq(ackSeq);
      }
    }
  }

  const deltaLast = updateLastSeq(conn, ep, segLen, pkt);
  const close = updateTcpState(conn, ep, peer, pkt, deltaLast, weird);
  if (ack && relAck > 0) noteAckReceived(conn, peer, ep, relAck);
  if (len > 0 && !rst && relSeq >= 0) noteDataSent(ep, syn ? relSeq + 1 : relSeq, len);
  return close && closeEndpoint(ep, peer);
}

/**
 * True when a packet for an existing connection starts a new one instead
 * (Zeek's TCPSessionAdapter::IsReuse): a SYN after either side closed, or a
 * SYN whose initial sequence number differs from the one the connection has.
 */
export function isTcpReuse(conn: Conn, pkt: DecodedPacket, weird?: WeirdCounter): boolean {
  const orig = conn.orig as TcpEndpoint, resp = conn.resp as TcpEndpoint;
  const flags = pkt.tcpFlags;
  if (!(flags & TCP_SYN)) return false;
  let connOrig = orig;
  if (flags & TCP_ACK) {
    if (orig.state !== TcpState.Inactive) return false;
    connOrig = resp;
  }
  if (orig.didClose || resp.didClose) return true;
  const seq = pkt.seq >>> 0;
  if (seq === connOrig.startSeq) return false;
  // A SYN arriving after its SYN-ACK is not a reuse: the state machine flips the roles.
  if (!(flags & TCP_ACK) && connOrig.state === TcpState.SynAckSent && resp.state === TcpState.Inactive && seq === resp.startSeq) return false;
  weird?.add(connOrig.state === TcpState.SynSent ? 'syn_seq_jump' : 'active_connection_reuse');
  return true;
}

function initEndpoint(ep: TcpEndpoint, syn: boolean, segLen: number, pkt: DecodedPacket, weird?: WeirdCounter): void {
  // Sequence numbers are read here rather than passed in, so that no number is boxed per packet.
  const seq = pkt.seq >>> 0;
  const onePast = (seq + segLen) >>> 0;
  switch (ep.state) {
    case TcpState.Inactive:
      // Without a SYN, number the bytes as if one had been seen just before.
      if (syn) ep.initSeqs(seq, onePast);
      else ep.initSeqs(seq - 1, seq);
      break;
    case TcpState.SynSent:
    case TcpState.SynAckSent:
      if (syn && seq !== ep.startSeq) {
        weird?.add('syn_seq_jump');
        ep.initSeqs(seq, onePast);
      }
      break;
    case TcpState.Established:
    case TcpState.Partial:
      if (syn) {
        if (seq !== ep.startSeq) weird?.add('syn_seq_jump');
        ep.initSeqs(seq, onePast);
      }
      break;
    case TcpState.Reset:
      if (syn && ep.prevState === TcpState.Inactive) ep.initSeqs(seq, onePast);
      break;
    default:
      break;
  }
}

/** `seq` relative to `ep`'s start, wrap-aware (Zeek's get_relative_seq); negative on underflow. */
function relativeSeq(ep: TcpEndpoint, seq: number, last: number, wraps: number): number {
  const delta = seqDelta(seq, last);
  if (delta < 0 && wraps > 0 && seq > last) wraps--;
  else if (delta > 0 && seq < last) wraps++;
  if (wraps === 0) return seqDelta(seq, ep.startSeq);
  return ep.relative(seq, wraps);
}

function updateLastSeq(conn: Conn, ep: TcpEndpoint, segLen: number, pkt: DecodedPacket): number {
  const flags = pkt.tcpFlags, len = pkt.payloadWireLength;
  const onePast = ((pkt.seq >>> 0) + segLen) >>> 0;
  const delta = seqDelta(onePast, ep.lastSeq);
  if (flags & (TCP_SYN | TCP_RST) && (delta > TOO_LARGE_SEQ_DELTA || delta < -TOO_LARGE_SEQ_DELTA)) return delta;
  if (flags & TCP_FIN && ep.lastSeq === ((ep.startSeq + 1) >>> 0)) ep.updateLastSeq(onePast);
  else if (ep.state === TcpState.Reset) return delta;
  else if (delta > 0) ep.updateLastSeq(onePast);
  else if (len > 0) conn.history.scaled('T', ep === conn.orig);
  return delta;
}

/** Marks `ep` closed; true when the whole connection is now closed (Zeek's close_complete). */
function closeEndpoint(ep: TcpEndpoint, peer: TcpEndpoint): boolean {
  if (ep.didClose) return false;
  ep.didClose = true;
  return ep.state === TcpState.Reset || peer.didClose || peer.state === TcpState.Inactive;
}
