import type { Incident } from '../correlate/model.js';
import { severityRank } from '../detect/alert.js';
import { anomalyRows } from './anomalies.js';
import { intelRows } from './intel.js';
import type { IncidentView, ReportData, ReportInput } from './model.js';
import { networkMap } from './network-map.js';
import { attackPatterns } from './patterns.js';
import { summarise } from './summary.js';

/** Most timeline events the report carries over all incidents. */
export const MAX_TIMELINE = 2000;
/** Most incidents shown in detail (the most severe, as correlate orders them); all are counted in the summary. */
export const MAX_INCIDENTS = 100;

/** An incident with its timeline in time order, the most severe events kept when it is over `cap`. */
function incidentView(i: Incident, cap: number): IncidentView {
  const kept = i.timeline.length <= cap ? i.timeline
    : [...i.timeline].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.ts - b.ts).slice(0, cap);
  return {
    id: i.id, severity: i.severity, start: i.start, end: i.end, attackers: i.attackers, pivots: i.pivots ?? [], victims: i.victims, c2: i.c2,
    tactics: i.tactics, chain: i.chain, timeline: [...kept].sort((a, b) => a.ts - b.ts), timelineOmitted: i.timeline.length - kept.length,
  };
}

/**
 * Assembles what the report shows from the analysis, the mitigation plan and the
 * store's statistics: every section's data, capped for huge inputs. Pure.
 */
export function buildReport(input: ReportInput): ReportData {
  const { analysis } = input;
  const summary = summarise(analysis);
  const who = summary.victims.length > 0 ? ` on ${summary.victims.slice(0, 2).join(', ')}` : '';
  return {
    format: 'tracer-report/1',
    title: summary.incidents > 0 ? `Incident report: attack${who}` : 'Network forensics report',
    summary,
    incidents: analysis.incidents.slice(0, MAX_INCIDENTS).map((i, _, shown) => incidentView(i, Math.floor(MAX_TIMELINE / shown.length))),
    anomalies: anomalyRows(analysis),
    patterns: attackPatterns(analysis.alerts),
    traffic: input.traffic,
    tops: input.tops,
    map: networkMap(analysis.incidents.slice(0, MAX_INCIDENTS)),
    intel: intelRows(analysis.alerts),
    mitigations: input.plan,
    custody: input.custody,
  };
}
