import type { TimelineEvent } from './model.js';

/** Tactics of an actor working against its target (scans, guessing, exploits, logins). */
const ATTACK_TACTICS = new Set(['reconnaissance', 'discovery', 'credential-access', 'initial-access', 'lateral-movement', 'impact']);

/** Tactics of a host talking out to someone who controls it or receives its data. */
const CONTROL_TACTICS = new Set(['command-and-control', 'exfiltration']);

/** Volume signals (traffic spikes): context in the timeline, not a step of the attack or an edge of its graph. */
export function isContext(event: TimelineEvent): boolean {
  return event.source === 'traffic_spike';
}

/**
 * The event is an actor attacking its destination(s). Volume spikes are context, and
 * informational events (an ordinary login) are not attacks.
 */
export function isAttack(event: TimelineEvent): boolean {
  return ATTACK_TACTICS.has(event.tactic) && !isContext(event) && event.kind !== 'host' && event.severity !== 'info';
}

/** The event is a host reaching out to a controller or a data drop (its destinations are C2). */
export function isControl(event: TimelineEvent): boolean {
  return CONTROL_TACTICS.has(event.tactic) && event.kind !== 'host';
}

/** A login the host logs accepted after the same source guessed passwords there (ordinary logins are informational). */
export function isLogin(event: TimelineEvent): boolean {
  return event.kind === 'auth' && event.source === 'auth' && event.severity !== 'info';
}

export { utcClock as clock, utcDateTime as dateTime } from '../util/utc-text.js';
