import { createHash } from 'node:crypto';
import { escapeHtml } from '../../util/escape.js';
import type { StoredCase } from '../model.js';
import { movementCounts } from '../path.js';
import { PILLAR_QUESTIONS } from '../pillars.js';
import { elementHeading, elementRole, words } from './labels.js';
import { pathSvg } from './path-svg.js';

const STYLE = 'body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}'
  + 'svg.path rect{fill:#eef;stroke:#446}svg.path .end rect{fill:#fee}svg.path .lateral rect{fill:#ffe}svg.path .pivot rect{fill:#fdb}'
  + 'svg.path text{text-anchor:middle;font-size:12px}svg.path text.sub{font-size:10px;fill:#555}svg.path line{stroke:#446;stroke-width:1.5}.done{color:#070}';
/** The page allows nothing but its own inline style (by hash): no scripts, no requests. */
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function listItems(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/**
 * The case as one self-contained HTML page (strict CSP, no scripts): detection,
 * path diagram (inline SVG), path with facts, counts, pillar checklist,
 * mitigations, notes and evidence. Every string goes through escapeHtml.
 */
export function htmlReport(stored: StoredCase): string {
  const { case: doc } = stored;
  const h = escapeHtml;
  const counts = movementCounts(doc.path);
  const facts = doc.path.map((e) => `<li><b>${h(elementHeading(e))}</b>${elementRole(e) ? ` (${h(elementRole(e))})` : ''}<ul>`
    + e.sourceFacts.map((f) => `<li>Source → ${h(f.key)}: ${h(f.value)}</li>`).join('')
    + e.destinationFacts.map((f) => `<li>Dest → ${h(f.key)}: ${h(f.value)}</li>`).join('') + '</ul></li>').join('');
  const pillars = doc.pillars.map((p) => `<tr><td class="${p.status === 'done' ? 'done' : ''}">${p.status === 'done' ? '☑' : '☐'} ${h(p.name)}</td><td>${h(PILLAR_QUESTIONS[p.name])}</td><td>${h(words(p.status))}</td><td>${h(p.notes)}</td></tr>`).join('');
  const evidence = doc.evidence.map((e) => `${e.kind}: ${e.ref}${e.note ? ` — ${e.note}` : ''}`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>TRACER case ${h(doc.id)}</title><style>${STYLE}</style></head><body>
<h1>TRACER case ${h(doc.id)}</h1>
<table><tr><th>Threat type</th><td>${h(doc.detection.threatType)}</td></tr><tr><th>Source</th><td>${h(doc.detection.source)}</td></tr>
<tr><th>Destination</th><td>${h(doc.detection.destination)}</td></tr><tr><th>Status</th><td>${h(words(doc.status))}</td></tr>
<tr><th>Investigator</th><td>${h(doc.detection.investigator)}</td></tr><tr><th>Tickets</th><td>${h(doc.detection.tickets.join(', '))}</td></tr>
<tr><th>Version</th><td>${stored.version} (${h(stored.updatedAt)})</td></tr></table>
<h2>Network path</h2>${pathSvg(doc)}
<ol>${facts}</ol>
<p>Direct traversals: ${counts.direct} · Lateral movements: ${counts.lateral} · Pivot points: ${counts.pivot}</p>
<h2>TRACER pillars</h2><table><tr><th>Pillar</th><th>Question</th><th>Status</th><th>Notes</th></tr>${pillars}</table>
<h2>Mitigations</h2>${listItems(doc.mitigations)}<h2>Notes</h2>${listItems(doc.notes)}<h2>Evidence</h2>${listItems(evidence)}
</body></html>
`;
}
