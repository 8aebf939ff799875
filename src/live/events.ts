import type { Incident } from '../correlate/model.js';
import type { ConnRecord } from '../flow/conn-record.js';

/** One host's share of the traffic in the stats window. */
export interface Talker {
  ip: string;
  packets: number;
  bytes: number;
}

/** Traffic over the last `windowSeconds` seconds of packet time, emitted about once a second. */
export interface StatsTick {
  type: 'stats';
  /** End of the window (epoch seconds). */
  ts: number;
  windowSeconds: number;
  packetsPerSec: number;
  bytesPerSec: number;
  /** Packets in the window by protocol name (`tcp`, `udp`, `icmp`, `icmp6`, `other_ip`, `non_ip`). */
  protocols: Record<string, number>;
  /** Sources sending the most bytes in the window, most first. */
  topTalkers: Talker[];
  /** Since the capture started. */
  totalPackets: number;
  totalBytes: number;
  /** Where the live analysis has left something out so far (set by LiveAnalysis; absent from TrafficStats alone). */
  health?: LiveHealth;
}

/** Counts of what the live analysis could not keep up with, since the capture started. */
export interface LiveHealth {
  /** Events lost by subscribers (NDJSON printer, dashboard pages) that fell behind. */
  eventsDropped: number;
  /** Records left out of live detection because the detection window was full. */
  windowDropped: number;
  /** Detection or correlation runs that failed. */
  detectionErrors: number;
}

/** A connection that ended (its conn.log record, as stored). */
export interface ConnEvent {
  type: 'conn';
  record: ConnRecord;
}

/**
 * A detection as the live analysis needs it: a stable id (the same finding
 * keeps it from one detection run to the next) and a severity; the detection
 * engine's Alert (src/detect) fits, with all its other fields passed through.
 */
export interface LiveAlert {
  id: string;
  severity: string;
  [field: string]: unknown;
}

/** A detection that fired (revision 1) or whose evidence grew since it was last published (2, 3…). */
export interface AlertEvent {
  type: 'alert';
  alert: LiveAlert;
  revision: number;
}

/** The incidents (timeline, attack graph, chain) correlated from the alerts so far, replacing the previous list. */
export interface IncidentsEvent {
  type: 'incidents';
  incidents: Incident[];
}

/** What the live analysis publishes, in order, to every subscriber (NDJSON printer, dashboard). */
export type LiveEvent = StatsTick | ConnEvent | AlertEvent | IncidentsEvent;
