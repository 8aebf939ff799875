import type { StoredCase } from '../model.js';
import { movementCounts, subPaths } from '../path.js';
import { PILLAR_QUESTIONS } from '../pillars.js';
import { elementHeading, elementRole, words } from './labels.js';

/** Escapes text for Markdown: every punctuation that could start markup or HTML is backslash-escaped, newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, '\\$&');
}

/** The case as Markdown: detection, path (with facts), summary counts, pillar checklist, mitigations, notes, evidence. */
export function markdownReport(stored: StoredCase): string {
  const { case: doc } = stored;
  const m = escapeMarkdown;
  const counts = movementCounts(doc.path);
  const lines = [`# TRACER case ${m(doc.id)}`, '',
    `- **Threat type:** ${m(doc.detection.threatType)}`, `- **Source:** ${m(doc.detection.source)}`, `- **Destination:** ${m(doc.detection.destination)}`,
    `- **Status:** ${words(doc.status)}`, `- **Investigator:** ${m(doc.detection.investigator)}`, `- **Tickets:** ${doc.detection.tickets.map(m).join(', ') || '—'}`,
    `- **Version:** ${stored.version} (${stored.updatedAt})`, '', '## Network path', '', `**SOURCE:** ${m(doc.detection.source)}`, ''];
  subPaths(doc.path).forEach((part, index) => {
    if (index > 0) lines.push(`### Sub-path ${index + 1} (pivot)`, '');
    for (const element of part) {
      lines.push(`1. **${m(elementHeading(element))}**${elementRole(element) ? ` — ${elementRole(element)}` : ''}`);
      for (const f of element.sourceFacts) lines.push(`   - Source → ${m(f.key)}: ${m(f.value)}`);
      for (const f of element.destinationFacts) lines.push(`   - Dest → ${m(f.key)}: ${m(f.value)}`);
    }
    lines.push('');
  });
  lines.push(`**DESTINATION:** ${m(doc.detection.destination)}`, '', '## Summary', '',
    `- Direct traversals: ${counts.direct}`, `- Lateral movements: ${counts.lateral}`, `- Pivot points: ${counts.pivot}`, '',
    '## TRACER pillars', '', '| Pillar | Question | Status | Notes |', '| --- | --- | --- | --- |',
    ...doc.pillars.map((p) => `| ${p.status === 'done' ? '☑' : '☐'} ${p.name} | ${PILLAR_QUESTIONS[p.name]} | ${words(p.status)} | ${m(p.notes)} |`));
  for (const [title, items] of [['Mitigations', doc.mitigations], ['Notes', doc.notes]] as const) {
    if (items.length > 0) lines.push('', `## ${title}`, '', ...items.map((i) => `- ${m(i)}`));
  }
  if (doc.evidence.length > 0) lines.push('', '## Evidence', '', ...doc.evidence.map((e) => `- ${e.kind}: ${m(e.ref)}${e.note ? ` — ${m(e.note)}` : ''}`));
  return lines.join('\n') + '\n';
}
