import type { HostScope } from './hosts.js';
import { isContext } from './kinds.js';
import type { AttackGraph, CompromisedHost, GraphEdge, GraphNode, Role, TimelineEvent } from './model.js';

/** Who did what in one incident. */
export interface Cast {
  attackers: string[];
  victims: string[];
  c2: string[];
  pivots: string[];
}

/** Short label of an edge's activity, with the event count when it is more than one. */
function edgeKind(event: TimelineEvent): string {
  return event.kind === 'auth' && event.source === 'auth' ? 'login' : event.source;
}

/**
 * The attack graph of an incident: one node per host with its role (attacker, pivot, c2,
 * victim, internal, external — the first that applies), one edge per source, destination and
 * kind of activity with its first and last time and how many events stand behind it.
 * Volume spikes stay out of the graph.
 */
export function buildGraph(events: readonly TimelineEvent[], cast: Cast, compromised: readonly CompromisedHost[], scope: HostScope, country?: (ip: string) => string): AttackGraph {
  const roleOf = (host: string): Role => {
    if (cast.pivots.includes(host)) return 'pivot';
    if (cast.attackers.includes(host)) return 'attacker';
    if (cast.c2.includes(host)) return 'c2';
    if (cast.victims.includes(host)) return 'victim';
    return scope.isInternal(host) ? 'internal' : 'external';
  };
  const edges = new Map<string, GraphEdge>();
  const hosts = new Set<string>();
  for (const event of events) {
    if (isContext(event)) continue;
    hosts.add(event.src);
    for (const dst of event.dst) {
      hosts.add(dst);
      const kind = edgeKind(event);
      const key = `${event.src}\0${dst}\0${kind}`;
      const edge = edges.get(key);
      if (edge) {
        edge.first = Math.min(edge.first, event.ts);
        edge.last = Math.max(edge.last, event.end);
        edge.count++;
      } else {
        edges.set(key, { src: event.src, dst, kind, tactic: event.tactic, first: event.ts, last: event.end, count: 1, summary: event.summary });
      }
    }
  }
  const scores = new Map(compromised.map((c) => [c.host, c.score]));
  const nodes: GraphNode[] = [...hosts].sort().map((id) => {
    const node: GraphNode = { id, role: roleOf(id), internal: scope.isInternal(id) };
    const cc = country?.(id.split(' ')[0]);
    if (cc) node.country = cc;
    if (scores.has(id)) node.compromised = scores.get(id);
    return node;
  });
  return { nodes, edges: [...edges.values()].sort((a, b) => a.first - b.first || a.src.localeCompare(b.src) || a.dst.localeCompare(b.dst)) };
}
