import type { GraphEdge, GraphNode, Incident, Role } from '../correlate/model.js';
import type { MapNode, NetworkMap } from './model.js';

/** Most hosts and links the map draws; attackers, victims and C2 are kept first. */
export const MAX_NODES = 150;
export const MAX_EDGES = 400;

/** Column of each role, left to right along the attack path. */
const COLUMN: Record<Role, number> = { attacker: 0, victim: 1, pivot: 2, c2: 3, external: 3, internal: 3 };
/** Which role wins when incidents disagree about a host. */
const RANK: Record<Role, number> = { attacker: 5, c2: 4, pivot: 3, victim: 2, internal: 1, external: 0 };
const X_STEP = 260;
const Y_STEP = 80;

/**
 * Section 7: the attack graphs of every incident merged (a host keeps its
 * strongest role), capped, and placed in columns by role so the page and the
 * static SVG draw the same picture.
 */
export function networkMap(incidents: readonly Incident[]): NetworkMap {
  const nodes = new Map<string, GraphNode>();
  for (const n of incidents.flatMap((i) => i.graph.nodes)) {
    const old = nodes.get(n.id);
    if (!old || RANK[n.role] > RANK[old.role]) nodes.set(n.id, { ...n, compromised: Math.max(n.compromised ?? 0, old?.compromised ?? 0) || undefined });
  }
  const degree = new Map<string, number>();
  const allEdges = incidents.flatMap((i) => i.graph.edges);
  for (const e of allEdges) for (const id of [e.src, e.dst]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const kept = [...nodes.values()]
    .sort((a, b) => RANK[b.role] - RANK[a.role] || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_NODES);
  const keptIds = new Set(kept.map((n) => n.id));
  const edges: GraphEdge[] = allEdges.filter((e) => keptIds.has(e.src) && keptIds.has(e.dst)).slice(0, MAX_EDGES);
  return { nodes: place(kept), edges, omitted: { nodes: nodes.size - kept.length, edges: allEdges.length - edges.length } };
}

function place(nodes: GraphNode[]): MapNode[] {
  const columns = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const c = COLUMN[n.role] ?? 3;
    columns.set(c, [...(columns.get(c) ?? []), n]);
  }
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  const out: MapNode[] = [];
  for (const [column, members] of columns) {
    members.sort((a, b) => RANK[b.role] - RANK[a.role] || (a.id < b.id ? -1 : 1));
    const offset = ((tallest - members.length) * Y_STEP) / 2;
    members.forEach((n, row) => out.push({
      id: n.id, role: n.role, internal: n.internal, compromised: n.compromised ?? null, country: n.country ?? '',
      x: column * X_STEP, y: offset + row * Y_STEP,
    }));
  }
  return out;
}
