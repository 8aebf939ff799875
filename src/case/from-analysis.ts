import type { Incident } from '../correlate/model.js';
import { dateTime } from '../correlate/kinds.js';
import type { EvidenceQuery } from './from-evidence.js';
import type { Evidence } from './model.js';

/** Log lines linked from one case, at most. */
const MAX_LOG_EVIDENCE = 100;

/**
 * What to open a case with for an incident of `tracer analyze`: from its first attacker to the
 * host it compromised (else its first victim), its alerts and log lines as evidence, and the
 * attack chain as the case's first notes. Log-only incidents open without connections.
 * @throws RangeError when the incident names no attacker or no victim
 */
export function incidentCaseQuery(incident: Incident): EvidenceQuery {
  const source = incident.attackers[0] ?? incident.pivots[0];
  const destination = incident.compromised[0]?.host ?? incident.victims[0];
  if (!source || !destination) throw new RangeError(`incident ${incident.id} names no attacker or no victim to trace a path between`);
  const logs = incident.timeline.filter((e) => e.ref.file !== undefined).slice(0, MAX_LOG_EVIDENCE)
    .map((e): Evidence => ({ kind: 'log', ref: `${e.ref.file}:${e.ref.line ?? 0}`, note: e.summary }));
  return {
    source, destination, alerts: incident.alertIds, extraEvidence: logs, allowNoConnections: true,
    notes: [`Opened from ${incident.id} of tracer analyze: ${incident.severity}, ${dateTime(incident.start)} – ${dateTime(incident.end)}; tactics ${incident.tactics.join(', ')}.`, ...incident.chain],
  };
}
