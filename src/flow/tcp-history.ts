import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../decode/packet.js';
import type { History } from './history.js';
import type { TcpEndpoint } from './tcp-endpoint.js';

/** Once-per-direction history events of TCP (Zeek's TCP_Endpoint HIST_* bits). */
const HIST_SYN = 0x1, HIST_FIN = 0x2, HIST_RST = 0x4, HIST_FIN_RST = 0x8, HIST_DATA = 0x10, HIST_ACK = 0x20, HIST_MULTI_FLAG = 0x40;

/**
 * Records the history letters of one TCP packet as Zeek's update_history:
 * S/H (SYN, SYN-ACK), F, R, D (data), A (pure ACK), I (FIN+RST), Q (other
 * flag combinations). A SYN, FIN or RST at a new sequence number is recorded
 * again, so a retried handshake shows as `SS`.
 */
export function updateTcpHistory(history: History, isOrig: boolean, ep: TcpEndpoint, flags: number, relSeq: number, len: number): void {
  const syn = (flags & TCP_SYN) !== 0, fin = (flags & TCP_FIN) !== 0, rst = (flags & TCP_RST) !== 0;
  const controlBits = (syn ? 1 : 0) + (fin ? 1 : 0) + (rst ? 1 : 0);
  if (controlBits > 1) {
    if (fin && rst) history.check(HIST_FIN_RST, 'I', isOrig);
    else history.check(HIST_MULTI_FLAG, 'Q', isOrig);
  } else if (controlBits === 1) {
    if (syn) {
      const letter = flags & TCP_ACK ? 'H' : 'S';
      if (history.check(HIST_SYN, letter, isOrig) && relSeq !== ep.histLastSyn) history.add(letter, isOrig);
      ep.histLastSyn = relSeq;
    }
    if (fin) {
      // A FIN's sequence number is that of its last byte, after any data.
      if (history.check(HIST_FIN, 'F', isOrig) && relSeq + len !== ep.histLastFin) history.add('F', isOrig);
      ep.histLastFin = relSeq + len;
    }
    if (rst) {
      if (history.check(HIST_RST, 'R', isOrig) && relSeq !== ep.histLastRst) history.add('R', isOrig);
      ep.histLastRst = relSeq;
    }
  } else if (len > 0) {
    history.check(HIST_DATA, 'D', isOrig);
  } else if (flags & TCP_ACK) {
    history.check(HIST_ACK, 'A', isOrig);
  }
}
