import { contextOf } from './assess.js';
import type { LiveConnection } from './host-monitor.js';
import { riskBand, scoreRisk } from './risk-rules.js';

/** A connection's risk, as {@link scoreRisk} gives it. */
export type Risk = ReturnType<typeof scoreRisk>;

/** Last score of each live connection and the lifetime band it holds for. */
const scored = new WeakMap<LiveConnection, { band: number; risk: Risk }>();

/**
 * The risk of a live connection at `lifetime` seconds. Everything a score
 * depends on is fixed at birth except the lifetime, so the rules run again
 * only when the lifetime crosses a rule's threshold (e.g. the hour of
 * `long_lived`), not on every refresh of the live table.
 * @example currentRisk(conn, now - conn.socket.firstSeen).score
 */
export function currentRisk(c: LiveConnection, lifetime: number): Risk {
  const band = riskBand(lifetime);
  const last = scored.get(c);
  if (last && last.band === band) return last.risk;
  const risk = scoreRisk(contextOf(c.cert, c.periodic, lifetime));
  scored.set(c, { band, risk });
  return risk;
}
