import { escapeTerminal } from '../../util/escape.js';
import type { StoredCase } from '../model.js';
import { movementCounts, subPaths } from '../path.js';
import { elementHeading, elementRole, words } from './labels.js';

const RULE = '='.repeat(60);

/**
 * The original tool's text report (header, complete path with each element's
 * source and destination facts, analysis summary), followed by the case's
 * status, pillars, mitigations, notes and evidence. Traffic-derived strings
 * are escaped for the terminal.
 */
export function textReport(stored: StoredCase): string {
  const { case: doc } = stored;
  const t = escapeTerminal;
  const counts = movementCounts(doc.path);
  const lines = [RULE, 'TRACER ANALYSIS REPORT', RULE, '',
    `Case ID: ${t(doc.id)}`, `Threat Type: ${t(doc.detection.threatType)}`, `Analysis Timestamp: ${stored.updatedAt}`,
    `Network Elements Analyzed: ${doc.path.length}`, '', '--- COMPLETE NETWORK PATH ---', `SOURCE: ${t(doc.detection.source)}`];
  subPaths(doc.path).forEach((part, index) => {
    if (index > 0) lines.push(`  ── sub-path ${index + 1} (pivot) ──`);
    for (const element of part) {
      lines.push('    ↓', `  ${t(elementHeading(element))}`);
      if (elementRole(element)) lines.push(`      (${elementRole(element)})`);
      for (const f of element.sourceFacts) lines.push(`      Source → ${t(f.key)}: ${t(f.value)}`);
      for (const f of element.destinationFacts) lines.push(`      Dest → ${t(f.key)}: ${t(f.value)}`);
    }
  });
  lines.push('    ↓', `DESTINATION: ${t(doc.detection.destination)}`, '', '--- ANALYSIS SUMMARY ---',
    `Direct Traversals: ${counts.direct}`, `Lateral Movements: ${counts.lateral}`, `Pivot Points: ${counts.pivot}`, '',
    '--- CASE ---', `Status: ${words(doc.status)}`, `Investigator: ${t(doc.detection.investigator)}`,
    `Tickets: ${doc.detection.tickets.map(t).join(', ') || '-'}`, '', '--- TRACER PILLARS ---');
  for (const p of doc.pillars) lines.push(`  [${p.status === 'done' ? 'x' : ' '}] ${p.name}: ${words(p.status)}${p.notes ? ` — ${t(p.notes)}` : ''}`);
  for (const [title, items] of [['MITIGATIONS', doc.mitigations], ['NOTES', doc.notes]] as const) {
    if (items.length > 0) lines.push('', `--- ${title} ---`, ...items.map((m) => `  • ${t(m)}`));
  }
  if (doc.evidence.length > 0) lines.push('', '--- EVIDENCE ---', ...doc.evidence.map((e) => `  • ${e.kind}: ${t(e.ref)}${e.note ? ` (${t(e.note)})` : ''}`));
  return lines.join('\n') + '\n';
}
