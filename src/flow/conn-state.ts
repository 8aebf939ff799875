import type { Conn } from './conn.js';
import { TcpState } from './tcp-endpoint.js';

/** History of an originator that sent a SYN and then reset without any sign of the responder (Zeek's RSTOS0 pattern). */
const RSTOS0_HISTORY = /^\^?S[^HAFGIQ]*R/;

/**
 * Zeek's conn_state for a connection (base/protocols/conn/main.zeek):
 * S0 S1 SF REJ S2 S3 RSTO RSTR RSTOS0 RSTRH SH SHR OTH.
 * @example connState(conn) // → 'SF' after a handshake and a FIN from each side
 */
export function connState(conn: Conn): string {
  if (conn.orig && conn.resp) return tcpConnState(conn.orig.state, conn.resp.state, conn);
  if (conn.proto !== 17) return 'OTH';
  if (conn.origPayload >= 0) return conn.respPayload >= 0 ? 'SF' : 'S0';
  return conn.respPayload >= 0 ? 'SHR' : 'OTH';
}

function tcpConnState(os: TcpState, rs: TcpState, conn: Conn): string {
  const origInactive = os === TcpState.Inactive || os === TcpState.Partial;
  const respInactive = rs === TcpState.Inactive || rs === TcpState.Partial;
  if (rs === TcpState.Reset) {
    const nothingSent = conn.orig?.size(conn.resp!) === 0 && conn.resp?.size(conn.orig!) === 0;
    if (os === TcpState.SynSent || os === TcpState.SynAckSent || (os === TcpState.Reset && nothingSent)) return 'REJ';
    return origInactive ? 'RSTRH' : 'RSTR';
  }
  if (os === TcpState.Reset) {
    if (respInactive) return RSTOS0_HISTORY.test(conn.history.text) ? 'RSTOS0' : 'OTH';
    return 'RSTO';
  }
  if (rs === TcpState.Closed && os === TcpState.Closed) return 'SF';
  if (os === TcpState.Closed) return respInactive ? 'SH' : 'S2';
  if (rs === TcpState.Closed) return origInactive ? 'SHR' : 'S3';
  if (os === TcpState.SynSent && rs === TcpState.Inactive) return 'S0';
  if (os === TcpState.Established && rs === TcpState.Established) return 'S1';
  return 'OTH';
}
