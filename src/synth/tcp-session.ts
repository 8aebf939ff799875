import type { Endpoint, FrameSpec } from './frame-builder.js';

/** One application message in a scripted TCP session. */
export interface TcpMessage {
  fromClient: boolean;
  data: Uint8Array;
}

/** How a scripted TCP session ends. */
export type TcpEnding = 'fin' | 'rst' | 'no-answer' | 'rejected' | 'open';

const MSS = 1448;
const SYN = 0x02, ACK = 0x10, FIN = 0x01, RST = 0x04, PSH = 0x08;
const SYN_OPTIONS = new Uint8Array([2, 4, 0x05, 0xb4, 1, 3, 3, 7, 4, 2, 0, 0]);

/**
 * Yields the frames of a TCP session: handshake, messages segmented at the
 * MSS with an ACK every two segments, then the chosen ending.
 */
export function* tcpSession(
  client: Endpoint, server: Endpoint, messages: TcpMessage[], ending: TcpEnding, vlan?: number, isn = 1000,
): Generator<FrameSpec> {
  const base = { vlan, proto: 6, payload: EMPTY };
  const c2s = { ...base, src: client, dst: server };
  const s2c = { ...base, src: server, dst: client };
  let cseq = isn, sseq = isn * 7 + 12345;
  yield { ...c2s, tcpFlags: SYN, seq: cseq, tcpOptions: SYN_OPTIONS };
  if (ending === 'no-answer') { yield { ...c2s, tcpFlags: SYN, seq: cseq, tcpOptions: SYN_OPTIONS }; return; }
  if (ending === 'rejected') { yield { ...s2c, tcpFlags: RST | ACK, seq: 0, ack: cseq + 1 }; return; }
  yield { ...s2c, tcpFlags: SYN | ACK, seq: sseq, ack: cseq + 1, tcpOptions: SYN_OPTIONS };
  cseq++; sseq++;
  yield { ...c2s, tcpFlags: ACK, seq: cseq, ack: sseq };
  for (const m of messages) {
    const [from, to] = m.fromClient ? [c2s, s2c] : [s2c, c2s];
    let sent = 0, unacked = 0;
    while (sent < m.data.length) {
      const n = Math.min(MSS, m.data.length - sent);
      const seq = m.fromClient ? cseq : sseq;
      const ack = m.fromClient ? sseq : cseq;
      const last = sent + n === m.data.length;
      yield { ...from, tcpFlags: ACK | (last ? PSH : 0), seq, ack, payload: m.data.subarray(sent, sent + n) };
      if (m.fromClient) cseq += n; else sseq += n;
      sent += n;
      if (++unacked === 2 || last) {
        unacked = 0;
        yield { ...to, tcpFlags: ACK, seq: m.fromClient ? sseq : cseq, ack: m.fromClient ? cseq : sseq };
      }
    }
  }
  if (ending === 'open') return;
  if (ending === 'rst') { yield { ...s2c, tcpFlags: RST | ACK, seq: sseq, ack: cseq }; return; }
  yield { ...c2s, tcpFlags: FIN | ACK, seq: cseq, ack: sseq };
  yield { ...s2c, tcpFlags: FIN | ACK, seq: sseq, ack: cseq + 1 };
  yield { ...c2s, tcpFlags: ACK, seq: cseq + 1, ack: sseq + 1 };
}

const EMPTY = new Uint8Array(0);
