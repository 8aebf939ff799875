/** Limits of `tracer intel serve`, each with the reason for its default. */
export interface ServerLimits {
  /** Longest event line in bytes; a longer line is dropped unread (KUMA events are a few KiB). */
  maxLineBytes: number;
  /** A connection silent this long is closed (KUMA reuses connections within its 30 s timeout). */
  idleMs: number;
  /** A line still incomplete after this long closes the connection (slow-trickle attacks). */
  lineMs: number;
  /** Open connections at most; more are refused (file descriptors are finite). */
  maxConnections: number;
  /** Answer bytes queued for a slow reader before the server stops reading from it. */
  maxPendingOutputBytes: number;
  /** Events waiting for slow (async) enrichers per connection before the server stops reading. */
  maxPendingEvents: number;
  /** Longest time an enricher plugin or MISP query may take for one value. */
  enricherMs: number;
}

/** Defaults: generous for real SIEM traffic, small enough that 10,000 connections fit in memory. */
export const DEFAULT_LIMITS: ServerLimits = {
  maxLineBytes: 64 * 1024,
  idleMs: 120_000,
  lineMs: 30_000,
  maxConnections: 16_384,
  maxPendingOutputBytes: 1024 * 1024,
  maxPendingEvents: 1024,
  enricherMs: 5_000,
};

/** Indicator fields per event looked at; the rest of a hostile event is context only. */
export const MAX_INDICATORS_PER_EVENT = 64;
