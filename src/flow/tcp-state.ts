import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, type DecodedPacket } from '../decode/packet.js';
import type { WeirdCounter } from '../util/weird.js';
import type { Conn } from './conn.js';
import { TcpEndpoint, TcpState } from './tcp-endpoint.js';

/**
 * Zeek's TCP endpoint state machine (TCPSessionAdapter::UpdateStateMachine)
 * for one packet whose sequence bookkeeping is done. Returns true when the
 * packet closes its endpoint (FIN or RST), as Zeek's `do_close`.
 */
export function updateTcpState(conn: Conn, ep: TcpEndpoint, peer: TcpEndpoint, pkt: DecodedPacket, deltaLast: number, weird?: WeirdCounter): boolean {
  const flags = pkt.tcpFlags, len = pkt.payloadWireLength;
  switch (ep.state) {
    case TcpState.Inactive: return inactiveState(conn, ep, peer, pkt, weird);
    case TcpState.SynSent:
    case TcpState.SynAckSent: return synSentState(ep, peer, flags, len, weird);
    case TcpState.Established:
    case TcpState.Partial: return establishedState(ep, peer, flags, weird);
    case TcpState.Closed: return closedState(ep, peer, flags, deltaLast, weird);
    case TcpState.Reset: return resetState(flags, len, weird);
  }
}

function inactiveState(conn: Conn, ep: TcpEndpoint, peer: TcpEndpoint, pkt: DecodedPacket, weird?: WeirdCounter): boolean {
  const flags = pkt.tcpFlags, len = pkt.payloadWireLength;
  const seq = pkt.seq >>> 0, ackSeq = pkt.ack >>> 0;
  const isOrig = ep === conn.orig;
  let close = false;
  if (flags & TCP_SYN) {
    if (isOrig) {
      if (flags & TCP_ACK) weird?.add('connection_originator_syn_ack');
      ep.setState(flags & TCP_ACK ? TcpState.SynAckSent : TcpState.SynSent);
    } else {
      if (flags & TCP_ACK) {
        if (peer.state !== TcpState.Inactive && peer.state !== TcpState.Partial && !seqBetween(ackSeq, peer.startSeq, peer.lastSeq)) weird?.add('bad_syn_ack');
      } else if (peer.state === TcpState.SynAckSent && seq === ep.startSeq) {
        // SYN and SYN-ACK seen in reverse order: the SYN's sender is the originator.
        conn.flip();
        peer.setState(TcpState.Established);
      } else {
        weird?.add('simultaneous_open');
      }
      if (peer.state === TcpState.SynSent) peer.setState(TcpState.Established);
      else if (peer.state === TcpState.Inactive) weird?.add('unsolicited_syn_response');
      ep.setState(TcpState.Established);
    }
  }
  if (flags & TCP_FIN) {
    ep.setState(TcpState.Closed);
    close = true;
    if (peer.state !== TcpState.Partial && !(flags & TCP_SYN)) weird?.add('spontaneous_fin');
  }
  if (flags & TCP_RST) {
    ep.setState(TcpState.Reset);
    close = true;
    if (peer.state === TcpState.Inactive) weird?.add('spontaneous_rst');
  }
  if (ep.state === TcpState.Inactive) {
    const ackBeforeSynAck = !isOrig && len === 0 && conn.orig?.state === TcpState.SynSent;
    if (ackBeforeSynAck) return close;
    // A pure ACK after an unseen SYN whose SYN-ACK we saw establishes the side; anything else is partial.
    ep.setState(flags & TCP_ACK && peer.state === TcpState.Established ? TcpState.Established : TcpState.Partial);
  }
  return close;
}

function synSentState(ep: TcpEndpoint, peer: TcpEndpoint, flags: number, len: number, weird?: WeirdCounter): boolean {
  let close = false;
  if (flags & TCP_FIN) {
    if (peer.state === TcpState.Inactive || peer.state === TcpState.SynSent) weird?.add('inappropriate_fin');
    ep.setState(TcpState.Closed);
    close = true;
  }
  if (flags & TCP_RST) {
    ep.setState(TcpState.Reset);
    close = true;
  } else if (len > 0) {
    weird?.add('data_before_established');
  }
  return close;
}

function establishedState(ep: TcpEndpoint, peer: TcpEndpoint, flags: number, weird?: WeirdCounter): boolean {
  let close = false;
  if (flags & TCP_SYN && ep.state === TcpState.Partial && peer.state === TcpState.Inactive && !(flags & TCP_ACK)) {
    weird?.add('syn_after_partial');
    ep.setState(TcpState.SynSent);
  }
  if (flags & TCP_FIN && !(flags & TCP_RST)) {
    ep.setState(TcpState.Closed);
    // A FIN followed by a RST from the peer was a normal close after all.
    if (peer.state === TcpState.Reset && peer.prevState === TcpState.Closed) peer.setState(TcpState.Closed);
    close = true;
  }
  if (flags & TCP_RST) {
    ep.setState(TcpState.Reset);
    close = true;
  }
  return close;
}

function closedState(ep: TcpEndpoint, peer: TcpEndpoint, flags: number, deltaLast: number, weird?: WeirdCounter): boolean {
  if (flags & TCP_SYN) weird?.add('syn_after_close');
  if (flags & TCP_FIN && deltaLast > 0) weird?.add('fin_advanced_last_seq');
  // After a full FIN exchange a RST changes nothing; after a one-sided FIN it resets this side.
  if (flags & TCP_RST && peer.state !== TcpState.Closed) {
    ep.setState(TcpState.Reset);
    return !ep.didClose;
  }
  return false;
}

function resetState(flags: number, len: number, weird?: WeirdCounter): boolean {
  if (flags & TCP_SYN) weird?.add('syn_after_reset');
  if (flags & TCP_FIN) weird?.add('fin_after_reset');
  if (len > 0 && !(flags & TCP_RST)) weird?.add('data_after_reset');
  return false;
}

/** True when `seq` lies in [low, high] on the sequence circle. */
function seqBetween(seq: number, low: number, high: number): boolean {
  return ((seq - low) | 0) >= 0 && ((high - seq) | 0) >= 0;
}
