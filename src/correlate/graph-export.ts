import type { AttackGraph, GraphEdge, GraphNode } from './model.js';

/** Fill colour of each role, shared by the DOT and Mermaid exports. */
const ROLE_COLOUR: Record<GraphNode['role'], string> = {
  attacker: '#d62728', pivot: '#ff7f0e', c2: '#9467bd', victim: '#1f77b4', internal: '#7f7f7f', external: '#bcbd22',
};

/** ISO time of an edge end, for labels: `2026-11-20T10:01:05Z`. */
function iso(ts: number): string {
  return `${new Date(ts * 1000).toISOString().slice(0, 19)}Z`;
}

/** Edge label: kind and count. */
function edgeLabel(edge: GraphEdge): string {
  return edge.count > 1 ? `${edge.kind} ×${edge.count}` : edge.kind;
}

/**
 * A DOT string literal. DOT knows one escape, \" for a quote, and keeps every other backslash,
 * so a backslash before a quote could end the string: backslashes become ⧵ (U+29F5), controls spaces.
 */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\u29f5').replace(/"/g, '\\"').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

/**
 * The graph in Graphviz DOT: nodes coloured by role, edges labelled with activity and count.
 * @example writeFileSync('graph.dot', graphToDot(incident.graph)); // dot -Tsvg graph.dot
 */
export function graphToDot(graph: AttackGraph): string {
  const lines = ['digraph attack {', '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fontcolor=white];'];
  for (const n of graph.nodes) {
    lines.push(`  ${dotString(n.id)} [label=${dotString(`${n.id}\n${n.role}`)}, fillcolor=${dotString(ROLE_COLOUR[n.role])}];`);
  }
  for (const e of graph.edges) {
    lines.push(`  ${dotString(e.src)} -> ${dotString(e.dst)} [label=${dotString(`${edgeLabel(e)}\n${iso(e.first)}`)}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Text for XML content and attribute values. */
function xml(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * The graph in GraphML (yEd, Gephi, Cytoscape desktop): node role, internal flag, country and
 * compromise score; edge kind, tactic, first and last time (ISO) and count.
 */
export function graphToGraphml(graph: AttackGraph): string {
  const keys = [
    ['role', 'node', 'string'], ['internal', 'node', 'boolean'], ['country', 'node', 'string'], ['compromised', 'node', 'double'],
    ['kind', 'edge', 'string'], ['tactic', 'edge', 'string'], ['first', 'edge', 'string'], ['last', 'edge', 'string'], ['count', 'edge', 'int'],
    ['summary', 'edge', 'string'],
  ];
  const data = (values: Record<string, string | number | boolean | undefined>): string =>
    Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => `<data key="${k}">${xml(v!)}</data>`).join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, forWhat, type]) => `  <key id="${id}" for="${forWhat}" attr.name="${id}" attr.type="${type}"/>`),
    '  <graph id="attack" edgedefault="directed">',
    ...graph.nodes.map((n) => `    <node id="${xml(n.id)}">${data({ role: n.role, internal: n.internal, country: n.country, compromised: n.compromised })}</node>`),
    ...graph.edges.map((e, i) => `    <edge id="e${i}" source="${xml(e.src)}" target="${xml(e.dst)}">${data({
      kind: e.kind, tactic: e.tactic, first: iso(e.first), last: iso(e.last), count: e.count, summary: e.summary,
    })}</edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Mermaid label text: only characters that cannot break out of a quoted label, the rest as entity codes. */
function mermaidText(text: string): string {
  return text.replace(/[^\w .:/,×-]/g, (c) => `#${c.codePointAt(0)};`);
}

/**
 * The graph as a Mermaid flowchart (renders in GitHub and GitLab Markdown): nodes n0, n1…
 * labelled with host and role, styled by role; edges labelled with activity and count.
 */
export function graphToMermaid(graph: AttackGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) lines.push(`  ${ids.get(n.id)}["${mermaidText(n.id)}<br/>${n.role}"]:::${n.role}`);
  for (const e of graph.edges) lines.push(`  ${ids.get(e.src)} -->|"${mermaidText(edgeLabel(e))}"| ${ids.get(e.dst)}`);
  for (const [role, colour] of Object.entries(ROLE_COLOUR)) lines.push(`  classDef ${role} fill:${colour},color:#fff`);
  return `${lines.join('\n')}\n`;
}
