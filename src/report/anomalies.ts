import { severityRank, type Alert } from '../detect/alert.js';
import type { Analysis } from '../correlate/model.js';
import { evidenceCount, evidencePorts, evidenceText } from './evidence.js';
import type { AnomalyRow } from './model.js';

/** Most rows the anomalies table carries (most severe first); the rest are counted. */
export const MAX_ANOMALIES = 1000;

/** Worst first: severity, then score, then time. */
export function compareAlerts(a: Alert, b: Alert): number {
  return severityRank(b.severity) - severityRank(a.severity) || b.score - a.score || a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : 1);
}

/** Section 3: every alert as a table row (capped), with ports, counts, evidence and its incident. */
export function anomalyRows(analysis: Analysis, max = MAX_ANOMALIES): { total: number; rows: AnomalyRow[] } {
  const incidentOf = new Map<string, string>();
  for (const inc of analysis.incidents) for (const id of inc.alertIds) incidentOf.set(id, inc.id);
  const rows = [...analysis.alerts].sort(compareAlerts).slice(0, max).map((a): AnomalyRow => ({
    id: a.id, detector: a.detector, severity: a.severity, score: a.score, tactic: a.attack.tactic, techniqueId: a.attack.techniqueId,
    firstSeen: a.firstSeen, lastSeen: a.lastSeen, src: a.src, dst: a.dst.slice(0, 10),
    ports: evidencePorts(a.evidence), count: evidenceCount(a.evidence), explanation: a.explanation,
    evidence: evidenceText(a.evidence), uids: Array.isArray(a.evidence.uids) ? (a.evidence.uids as unknown[]).slice(0, 5).map(String) : [],
    incident: incidentOf.get(a.id) ?? null,
  }));
  return { total: analysis.alerts.length, rows };
}
