import { escapeTerminal } from '../util/escape.js';
import type { Case } from './model.js';
import { elementHeading, elementRole } from './report/labels.js';

const RULE = '='.repeat(60);

/**
 * The current path as the original shows it while enriching: source, a
 * numbered insert point before and after every element, destination. Elements
 * carry their number (`#2`) for `edit` and `remove`. Escaped for the terminal.
 */
export function pathView(doc: Case): string {
  const t = escapeTerminal;
  const lines = [RULE, 'CURRENT NETWORK PATH', RULE, `SOURCE: ${t(doc.detection.source)}`, '  [1] <-- Insert Point'];
  doc.path.forEach((element, i) => {
    lines.push('    ↓', `  #${i + 1} ${t(elementHeading(element))}${elementRole(element) ? ` (${elementRole(element)})` : ''}`);
    for (const f of element.sourceFacts) lines.push(`      • Source → ${t(f.key)}: ${t(f.value)}`);
    for (const f of element.destinationFacts) lines.push(`      • Dest → ${t(f.key)}: ${t(f.value)}`);
    lines.push(`  [${i + 2}] <-- Insert Point`);
  });
  lines.push('    ↓', `DESTINATION: ${t(doc.detection.destination)}`);
  return lines.join('\n') + '\n';
}
