import type { GraphEdge, Incident } from '../../correlate/model.js';
import { canonicalAddress, lookup, safeId } from '../values.js';
import { hostLabel, hostOr, nmapCommand, recheck, type Draft, type FindingContext } from './context.js';

/** What each kind of edge from a compromised host means, in words. */
const OUT_WORDS: Record<string, string> = {
  beacon: 'beaconed to', exfiltration: 'sent data out to', port_scan: 'scanned', login: 'logged in to', brute_force: 'guessed passwords on',
  dns_tunnel: 'tunnelled DNS to', intel_match: 'contacted the listed', long_connection: 'held a long connection to',
};

/** Plain clauses for what the host did, from its incident graph (validated hosts only). */
function behaviour(host: string, incident: Incident): string[] {
  const edges = incident.graph.edges.filter((e: GraphEdge) => e.src === host && lookup(OUT_WORDS, e.kind) !== undefined && hostLabel(e.dst) !== null);
  const into = incident.graph.edges.filter((e) => e.dst === host && e.kind === 'login' && hostLabel(e.src) !== null);
  return [
    ...into.map((e) => `accepted a login from ${hostLabel(e.src)}`),
    ...edges.map((e) => `${lookup(OUT_WORDS, e.kind)} ${hostLabel(e.dst)}`),
  ];
}

/**
 * Per compromised host: isolate it (quarantine, not a perimeter block: it is ours),
 * preserve evidence, hunt persistence and rebuild.
 */
export function compromiseMitigations(ctx: FindingContext): Draft[] {
  const seen = new Map<string, { incident: Incident; score: number }>();
  for (const incident of ctx.incidents) for (const c of incident.compromised) {
    const address = canonicalAddress(c.host);
    const host = address?.text ?? hostLabel(c.host);
    if (host && !seen.has(host)) seen.set(host, { incident, score: Number.isFinite(c.score) ? c.score : 0 });
  }
  return [...seen.keys()].sort().map((host) => {
    const { incident, score } = seen.get(host)!;
    const did = behaviour(host, incident);
    const id = safeId(incident.id);
    return {
      id: `isolate-${host.replace(/[^A-Za-z0-9]+/g, '-')}`, priority: 'immediate',
      title: `Isolate the compromised host ${host}`,
      why: `${host} was judged compromised (score ${score.toFixed(2)})${id ? ` in ${id}` : ''}${did.length > 0 ? `: it ${did.join(', ')}` : ''}.`,
      refs: id ? [id] : [],
      block: [], rules: [],
      hardening: [
        `Isolate ${host} (EDR network containment, a quarantine VLAN, or shut its switch port) but keep it powered: take memory and disk images first. It is one of the organisation's hosts, so it is quarantined, not put on the perimeter block lists.`,
        'Reset every credential used on it or stored on it (local accounts, SSH keys, service and API tokens) and check ~/.ssh/authorized_keys, crontabs, systemd units and startup items for persistence.',
        'Rebuild it from a known-good image and patch it before it rejoins the network.',
      ],
      validation: [
        `${nmapCommand('-p 22,80,443,445', host)}   # from another internal host: every port filtered while it is isolated`,
        `From ${hostOr(host)}'s console: curl --max-time 5 https://example.com/   # must fail while it is isolated`,
        recheck('beacon', 'capture on its segment: nothing from it at all while it is isolated'),
      ],
    };
  });
}
