import type { DecodedPacket } from '../decode/packet.js';
import type { Conn } from './conn.js';

/**
 * How the application layer (src/proto, with TCP reassembly) plugs into the
 * flow table. The table calls `onPacket` for every TCP or UDP packet that
 * carries payload, after the connection state is updated, and `onEnd` once,
 * right before the connection's record is emitted (timeout, close, eviction
 * or end of capture). Analyzers keep their per-connection state in
 * `conn.appState` and name protocols with `conn.addService(name)`, which
 * fills the `service` field.
 */
export interface AppHooks {
  /**
   * One packet with payload. `pkt` and its bytes are valid only during the
   * call; `isOrig` is true when the originator sent it.
   */
  onPacket(conn: Conn, isOrig: boolean, pkt: DecodedPacket, ts: number): void;
  /** The connection ends; flush pending data now (`ts`: time of its end). */
  onEnd(conn: Conn, ts: number): void;
}
