import { parseAddress } from '../../decode/address.js';
import { severityRank, type Alert } from '../../detect/alert.js';
import { count } from '../../detect/sql-detector.js';
import { canonicalAddress, type Address } from '../values.js';
import { addressIndicator, byDetector, incidentsOf, MAX_WHY, pushTo, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** Detectors whose source attacked its destination. */
const ATTACK_DETECTORS = ['port_scan', 'brute_force', 'auth_guessing', 'login_failures', 'web_attack', 'flood'];

/**
 * Blocks every external, routable address that attacked (incident attackers and the
 * sources of scans, guessing, web attacks and single-source floods) at the perimeter.
 * Internal attackers are named in the hardening steps: they are isolated, not blocked.
 */
export function attackerMitigations(ctx: FindingContext, maxIndicators: number): Draft[] {
  const bySrc = new Map<string, Alert[]>();
  for (const a of byDetector(ctx, ...ATTACK_DETECTORS)) {
    const address = canonicalAddress(a.src);
    if (address) pushTo(bySrc, address.text, a);
  }
  for (const i of ctx.incidents) for (const s of i.attackers) {
    const address = canonicalAddress(s);
    if (address && !bySrc.has(address.text)) bySrc.set(address.text, []);
  }
  const external = [...bySrc.keys()].map((t) => canonicalAddress(t)!).filter((a) => ctx.scope.isBlockable(a)).sort(strongestFirst(bySrc));
  const internal = [...bySrc.keys()].map((t) => canonicalAddress(t)!).filter((a) => ctx.scope.isInternal(a)).sort(strongestFirst(bySrc));
  if (external.length === 0 && internal.length === 0) return [];
  const kept = external.slice(0, maxIndicators);
  const alerts = [...bySrc.values()].flat();
  const why = [sentences(kept.map((a) => {
    const phrases = bySrc.get(a.text)!.slice(0, MAX_WHY).map(alertPhrase);
    return `${a.text} ${phrases.length > 0 ? phrases.join('; ') : 'attacked in an incident'}.`;
  }), 'attacking addresses')].filter((s) => s !== '');
  if (external.length > kept.length) why.push(`Only the ${count(kept.length)} strongest of ${count(external.length)} addresses are listed; block the rest upstream.`);
  return [{
    id: 'block-attackers', priority: 'immediate', ruleName: 'block_attackers',
    title: external.length > 0 ? `Block ${external.length} attacking address(es) at the perimeter` : 'Contain internal attackers',
    why: why.length > 0 ? why.join(' ') : 'Internal hosts attacked others.',
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: kept.map((a) => addressIndicator(a, 'attacker')),
    rules: [],
    hardening: [
      ...(kept.length > 0 ? ['Load the block rules on every enforcement point the attack crossed: edge firewall, host firewall of the victims, IPS and DNS; keep them for at least 30 days and review them then.'] : []),
      ...internal.map((a) => `${a.text} is internal: isolate and investigate it (quarantine VLAN or EDR containment) instead of blocking it at the perimeter, which would neither stop it nor keep evidence.`),
      'Default-deny ingress: expose only the services that must be public, and only on the hosts that serve them; scans then find nothing to guess at.',
    ],
    validation: [
      ...kept.slice(0, 3).flatMap((a) => [
        `${a.version === 4 ? 'iptables' : 'ip6tables'} -L INPUT -v -n | grep -F ${a.text}   # the DROP rule is there and its packet counter rises while ${a.text} keeps trying`,
      ]),
      ...(kept.length > 0 ? ['nft list table inet tracer_block_attackers   # the table is loaded with the sets', 'show access-list OUTSIDE_IN | include TRACER   # on the ASA: hit counts of the deny entries'] : []),
      recheck('port_scan', 'capture outside the firewall: the blocked addresses no longer reach the victims'),
    ],
  }];
}

/** Orders attackers by their worst alert, then by how many alerts they raised, then by address. */
function strongestFirst(bySrc: Map<string, Alert[]>): (a: Address, b: Address) => number {
  const rank = new Map([...bySrc].map(([src, alerts]) => [src, Math.max(-1, ...alerts.map((x) => severityRank(x.severity)))]));
  const keys = new Map([...bySrc.keys()].map((src) => [src, [...(parseAddress(src) ?? [])].map((w) => w.toString(16).padStart(8, '0')).join('')]));
  return (a, b) => rank.get(b.text)! - rank.get(a.text)! || bySrc.get(b.text)!.length - bySrc.get(a.text)!.length
    || (keys.get(a.text)! < keys.get(b.text)! ? -1 : keys.get(a.text)! > keys.get(b.text)! ? 1 : 0);
}
