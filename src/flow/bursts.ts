import type { Conn } from './conn.js';

/**
 * Check-ins inside one long-lived connection (QUIC, HTTP/2, WebSocket C2 keep a single flow):
 * the originator's data arrives in bursts, and a periodic rhythm of bursts is a beacon that
 * connection-level scoring cannot see. A burst starts with originator data (more than one
 * payload byte, so TCP keep-alives do not count) after more than BURST_GAP_S of originator silence.
 */
export const BURST_GAP_S = 1;
/** Bursts recorded per connection; later ones are counted, not kept. */
export const MAX_BURSTS = 256;
/** Connections with fewer bursts record none (a request and its follow-up are no rhythm). */
export const MIN_RECORDED_BURSTS = 3;

/**
 * Notes originator data at `ts`; call before the packet's bytes are added to `origIpBytes`.
 * The first burst lives in two scalars of the connection, so the array (start offset and
 * originator IP bytes before each later burst) is allocated only by connections with a second.
 */
export function noteOrigData(conn: Conn, ts: number): void {
  const quiet = ts - conn.lastOrigDataTs > BURST_GAP_S;
  conn.lastOrigDataTs = ts;
  if (!quiet) return;
  const index = conn.burstCount++;
  if (index === 0) {
    conn.firstBurstOffset = ts - conn.startTs;
    conn.firstBurstBytes = conn.origIpBytes;
    return;
  }
  if (index > MAX_BURSTS) return;
  const at = (index - 1) * 2;
  let starts = conn.burstStarts;
  if (starts === null || starts.length < at + 2) {
    starts = new Float64Array(Math.min(Math.max(16, at * 2), MAX_BURSTS * 2));
    if (conn.burstStarts) starts.set(conn.burstStarts);
    conn.burstStarts = starts;
  }
  starts[at] = ts - conn.startTs;
  starts[at + 1] = conn.origIpBytes;
}

/** Forgets the bursts (the originator changed: see Conn.flip). */
export function resetBursts(conn: Conn): void {
  conn.burstCount = 0;
  conn.lastOrigDataTs = -Infinity;
}

/** The `bursts` (start offsets, seconds) and `burst_bytes` (originator IP bytes per burst) columns. */
export function burstColumns(conn: Conn): { bursts: number[] | null; burst_bytes: number[] | null } {
  const n = Math.min(conn.burstCount, MAX_BURSTS);
  if (n < MIN_RECORDED_BURSTS) return { bursts: null, burst_bytes: null };
  const starts = conn.burstStarts!;
  const offset = (i: number): number => (i === 0 ? conn.firstBurstOffset : starts[(i - 1) * 2]);
  const before = (i: number): number => (i === 0 ? conn.firstBurstBytes : i < conn.burstCount ? starts[(i - 1) * 2 + 1] : conn.origIpBytes);
  const offsets: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    offsets.push(Math.round(offset(i) * 1e6) / 1e6);
    sizes.push(before(i + 1) - before(i));
  }
  return { bursts: offsets, burst_bytes: sizes };
}
