import type { Incident } from '../correlate/model.js';
import { anomalyRows } from './anomalies.js';
import { intelRows } from './intel.js';
import type { IncidentView, ReportData, ReportInput } from './model.js';
import { networkMap } from './network-map.js';
import { attackPatterns } from './patterns.js';
import { summarise } from './summary.js';

/** Most timeline events per incident the report carries (earliest kept). */
export const MAX_TIMELINE = 1000;

function incidentView(i: Incident): IncidentView {
  const timeline = [...i.timeline].sort((a, b) => a.ts - b.ts);
  return {
    id: i.id, severity: i.severity, start: i.start, end: i.end, attackers: i.attackers, pivots: i.pivots ?? [], victims: i.victims, c2: i.c2,
    tactics: i.tactics, chain: i.chain, timeline: timeline.slice(0, MAX_TIMELINE), timelineOmitted: Math.max(0, timeline.length - MAX_TIMELINE),
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
    incidents: analysis.incidents.map(incidentView),
    anomalies: anomalyRows(analysis),
    patterns: attackPatterns(analysis.alerts),
    traffic: input.traffic,
    tops: input.tops,
    map: networkMap(analysis.incidents),
    intel: intelRows(analysis.alerts),
    mitigations: input.plan,
    custody: input.custody,
  };
}
