// Incidents: a picker, the attack graph (cytoscape, loaded as /vendor/cytoscape.min.js),
// the timeline and the attack chain of the chosen one. Labels are drawn on the canvas as text.
import { el, formatTime, replaceChildren, severityBadge } from './dom.js';

/* global cytoscape */

const ROLE_COLOURS = { attacker: '#b71c1c', victim: '#e65100', pivot: '#6a1b9a', c2: '#212121', internal: '#1565c0', external: '#78909c' };

const STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22, 'background-color': 'data(colour)' } },
  { selector: 'node[?compromised]', style: { 'border-width': 3, 'border-color': '#f9a825' } },
  { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, width: 2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#90a4ae', 'target-arrow-color': '#90a4ae', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
];

/** Cytoscape elements of an incident's graph. */
function elements(graph) {
  const nodes = graph.nodes.map((n) => ({
    data: { id: `n:${n.id}`, label: `${n.id} (${n.role})`, colour: ROLE_COLOURS[n.role] ?? '#78909c', compromised: n.compromised !== undefined },
  }));
  const known = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => known.has(e.src) && known.has(e.dst))
    .map((e, i) => ({ data: { id: `e:${i}`, source: `n:${e.src}`, target: `n:${e.dst}`, label: `${e.kind} ×${e.count}` } }));
  return [...nodes, ...edges];
}

/** The incidents panel. */
export class IncidentsView {
  constructor(select, chain, graphNode, timelineTable) {
    this.select = select;
    this.chain = chain;
    this.graphNode = graphNode;
    this.timeline = timelineTable.tBodies[0];
    this.incidents = [];
    this.cy = null;
    this.drawnGraph = '';
    select.addEventListener('change', () => this.draw());
  }

  /** Replaces the incidents, keeping the chosen one if it is still there. */
  setAll(incidents) {
    const chosen = this.select.value;
    this.incidents = incidents;
    replaceChildren(this.select, ...incidents.map((inc) => el('option', { value: String(inc.id) },
      `${inc.severity} · ${(inc.attackers ?? []).join(', ') || '?'} → ${(inc.victims ?? []).join(', ') || '?'} · ${formatTime(inc.start, true)}`)));
    if (incidents.some((inc) => inc.id === chosen)) this.select.value = chosen;
    this.draw();
  }

  draw() {
    const inc = this.incidents.find((i) => i.id === this.select.value) ?? this.incidents[0];
    this.select.hidden = !inc;
    if (!inc) {
      this.chain.textContent = 'No incidents yet.';
      replaceChildren(this.timeline);
      this.drawGraph({ nodes: [], edges: [] });
      return;
    }
    this.chain.textContent = (inc.chain ?? []).join(' ');
    replaceChildren(this.timeline, ...(inc.timeline ?? []).map((ev) => el('tr', { 'data-kind': String(ev.kind) },
      el('td', {}, formatTime(ev.ts, true)),
      el('td', {}, String(ev.tactic)),
      el('td', {}, severityBadge(ev.severity)),
      el('td', {}, String(ev.src)),
      el('td', {}, (ev.dst ?? []).map(String).join(', ')),
      el('td', {}, String(ev.summary)))));
    this.drawGraph(inc.graph ?? { nodes: [], edges: [] });
  }

  drawGraph(graph) {
    const key = JSON.stringify(graph);
    if (key === this.drawnGraph) return;
    this.drawnGraph = key;
    if (!this.cy) this.cy = cytoscape({ container: this.graphNode, style: STYLE, wheelSensitivity: 0.3, maxZoom: 1.5 });
    this.cy.elements().remove();
    this.cy.add(elements(graph));
    this.cy.layout({ name: 'breadthfirst', directed: true, padding: 20, animate: false }).run();
  }

  /** Nodes and edges drawn (for tests and the status line). */
  size() {
    return this.cy ? { nodes: this.cy.nodes().length, edges: this.cy.edges().length } : { nodes: 0, edges: 0 };
  }
}
