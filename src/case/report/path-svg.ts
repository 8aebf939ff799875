import { escapeHtml } from '../../util/escape.js';
import type { Case } from '../model.js';
import { subPaths } from '../path.js';
import { elementHeading } from './labels.js';

const BOX_WIDTH = 180;
const BOX_HEIGHT = 44;
const GAP = 36;
const ROW_HEIGHT = BOX_HEIGHT + 40;
/** Characters of a name shown in a box before it is cut with `…` (keeps boxes readable). */
const MAX_LABEL = 24;

function label(text: string): string {
  return escapeHtml(text.length > MAX_LABEL ? text.slice(0, MAX_LABEL - 1) + '…' : text);
}

function box(x: number, y: number, title: string, subtitle: string, kind: string): string {
  return `<g class="${kind}"><title>${escapeHtml(title)}</title><rect x="${x}" y="${y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="6"/>`
    + `<text x="${x + BOX_WIDTH / 2}" y="${y + 18}">${label(title)}</text><text class="sub" x="${x + BOX_WIDTH / 2}" y="${y + 34}">${label(subtitle)}</text></g>`;
}

/**
 * The path as an inline SVG diagram: source, each element, destination, left
 * to right with arrows; each pivot's sub-path on its own row. Every string is
 * escaped with escapeHtml.
 */
export function pathSvg(doc: Case): string {
  const rows = subPaths(doc.path);
  const parts: string[] = [];
  let widest = 0;
  rows.forEach((row, r) => {
    const nodes = [
      ...(r === 0 ? [{ title: doc.detection.source, sub: 'SOURCE', kind: 'end' }] : []),
      ...row.map((e) => ({ title: e.name, sub: elementHeading(e).slice(e.name.length + 1), kind: e.movement })),
      ...(r === rows.length - 1 ? [{ title: doc.detection.destination, sub: 'DESTINATION', kind: 'end' }] : []),
    ];
    const y = 10 + r * ROW_HEIGHT;
    nodes.forEach((node, i) => {
      const x = 10 + i * (BOX_WIDTH + GAP);
      if (i > 0) parts.push(`<line x1="${x - GAP}" y1="${y + BOX_HEIGHT / 2}" x2="${x - 4}" y2="${y + BOX_HEIGHT / 2}" marker-end="url(#arrow)"/>`);
      parts.push(box(x, y, node.title, node.sub, node.kind));
    });
    widest = Math.max(widest, nodes.length);
  });
  const width = 20 + widest * (BOX_WIDTH + GAP) - GAP;
  const height = 20 + rows.length * ROW_HEIGHT - 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="path" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="network path">`
    + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>'
    + parts.join('') + '</svg>';
}
