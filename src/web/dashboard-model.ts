import type { Incident } from '../correlate/model.js';
import type { LiveAlert, LiveHealth, Talker } from '../live/index.js';

/** One point of the traffic chart: rates over the stats window ending at `ts` (epoch seconds). */
export interface RatePoint {
  ts: number;
  packetsPerSec: number;
  bytesPerSec: number;
}

/**
 * Everything the dashboard page shows, as one JSON document: sent first on
 * every event stream, then kept current by `stats`, `alert` and `incidents`
 * events (live capture) or sent once (a finished analysis in a store).
 * Strings in it come from traffic: the page renders them as text only.
 */
export interface DashboardSnapshot {
  /** `live` while a capture runs, `store` for a finished analysis. */
  mode: 'live' | 'store';
  /** What is shown: `live:eth0` or the store's path. */
  source: string;
  series: RatePoint[];
  /** Packets by protocol (`tcp`, `udp`, `icmp`…) over the latest window (live) or the whole store. */
  protocols: Record<string, number>;
  topTalkers: Talker[];
  totals: { packets: number; bytes: number };
  /** Current alerts, newest revision of each. */
  alerts: LiveAlert[];
  incidents: Incident[];
  /** The capture has ended (no more updates). */
  ended: boolean;
  /** What the live analysis has dropped so far (null for a finished analysis). */
  health: LiveHealth | null;
}

/** Where the dashboard's data comes from: a snapshot, and for a live capture the updates after it. */
export interface DashboardFeed {
  snapshot(): Promise<DashboardSnapshot>;
  /** The updates after a snapshot, until the capture ends; absent for a finished analysis. */
  updates?(): AsyncIterableIterator<DashboardUpdate>;
}

/** A change pushed to the page: named as the SSE event it is sent as. */
export type DashboardUpdate =
  | { event: 'stats'; data: { point: RatePoint; protocols: Record<string, number>; topTalkers: Talker[]; totals: { packets: number; bytes: number }; health: LiveHealth | null } }
  | { event: 'alert'; data: { alert: LiveAlert; revision: number } }
  | { event: 'incidents'; data: { incidents: Incident[] } };
