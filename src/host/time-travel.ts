import type { DeathRecord } from './host-monitor.js';
import type { HostLog, LoggedBirth } from './host-log-reader.js';

/** How sure the log is that a connection existed at the asked time. */
export type Presence = 'open' | 'maybe_born' | 'maybe_closed';

/** A connection that existed (or may have) at a given time. */
export interface ConnectionAt {
  birth: LoggedBirth;
  death: DeathRecord | null;
  presence: Presence;
}

/**
 * The connections the log shows at time `t` (epoch seconds). Polling brackets
 * each event: a connection was born in (prev_poll, ts] and died in
 * (last_seen, death ts]. It was surely open between first and last sighting
 * (`open`); inside a bracket it may or may not have been (`maybe_born`,
 * `maybe_closed`). After the log's last record nothing is known.
 * @example connectionsAt(readHostLog('births.ndjson'), Date.parse('2026-11-21T14:32Z') / 1000)
 */
export function connectionsAt(log: HostLog, t: number): ConnectionAt[] {
  const out: ConnectionAt[] = [];
  if (t > log.lastTs) return out;
  for (const birth of log.births) {
    const death = log.deaths.get(birth.seq) ?? null;
    const presence = presenceAt(birth, death, t);
    if (presence) out.push({ birth, death, presence });
  }
  return out;
}

/** Presence of one connection at `t`, or null when it surely did not exist. */
function presenceAt(birth: LoggedBirth, death: DeathRecord | null, t: number): Presence | null {
  const bornBefore = birth.prev_poll > 0 ? birth.prev_poll : -Infinity;
  if (t <= bornBefore) return null;
  if (t < birth.ts) return 'maybe_born';
  if (!death || t <= death.last_seen) return 'open';
  return t < death.ts ? 'maybe_closed' : null;
}

/**
 * Parses the time argument of `tracer host at`: `YYYY-MM-DD HH:MM[:SS]` (UTC
 * unless a zone such as `Z` or `+02:00` follows) or epoch seconds. NaN when invalid.
 * @example parseWhen('2026-11-21 14:32') // 1795271520
 */
export function parseWhen(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!match) return NaN;
  return Date.parse(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`) / 1000;
}
