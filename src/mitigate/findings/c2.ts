import type { Alert } from '../../detect/alert.js';
import type { Indicator } from '../rules/index.js';
import { canonicalAddress, canonicalDomain } from '../values.js';
import { addressIndicator, alertSentences, byDetector, hostOr, incidentsOf, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** Detectors whose destination controls the source or receives its data. */
const CONTROL_DETECTORS = ['beacon', 'c2_checkin', 'exfiltration'];

/** An external C2 address or name as an indicator, or null when it is internal or not valid. */
export function controlIndicator(ctx: FindingContext, text: string, role: Indicator['role']): Indicator | null {
  const address = canonicalAddress(text);
  if (address) return ctx.scope.isBlockable(address) ? addressIndicator(address, role) : null;
  const name = canonicalDomain(text);
  return name ? { value: name, kind: 'domain', role } : null;
}

/**
 * Blocks the command-and-control servers and data drops (incident C2s, beacon and
 * exfiltration destinations outside, and long connections that are part of an incident) by address and by name, with egress filtering as
 * the hardening and checks from the victims.
 */
export function c2Mitigations(ctx: FindingContext, maxIndicators: number): Draft[] {
  const alerts: Alert[] = [];
  const found = new Map<string, Indicator>();
  const long = byDetector(ctx, 'long_connection').filter((a) => ctx.inIncident.has(a.id));
  for (const a of [...byDetector(ctx, ...CONTROL_DETECTORS), ...long]) {
    const i = controlIndicator(ctx, a.dst[0] ?? '', 'c2');
    if (i === null) continue;
    alerts.push(a);
    found.set(i.value, i);
  }
  for (const inc of ctx.incidents) for (const c of inc.c2) {
    const i = controlIndicator(ctx, c, 'c2');
    if (i) found.set(i.value, i);
  }
  if (found.size === 0) return [];
  const block = [...found.values()].sort((a, b) => (a.value < b.value ? -1 : 1)).slice(0, maxIndicators);
  const victims = [...new Set(alerts.map((a) => hostOr(a.src)))].sort();
  const why = alertSentences(alerts, alertPhrase);
  const names = block.filter((i) => i.kind === 'domain');
  const addresses = block.filter((i) => i.kind !== 'domain');
  const check = addresses[0] ?? names[0];
  return [{
    id: 'block-c2', priority: 'immediate', ruleName: 'block_c2',
    title: `Cut off ${block.length} command-and-control and data-drop destination(s)`,
    why: why.length > 0 ? sentences(why, 'findings') : `The incident's command-and-control destinations: ${block.map((i) => i.value).join(', ')}.`,
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block, rules: [],
    hardening: [
      'Egress filtering: servers reach the internet only through the proxy, and only to the destinations they need; deny direct outbound 80/443 and any other port from server networks.',
      'Before loading a name or address, check it is not a shared service (CDN edge, cloud storage, update server) that other hosts need; block the exact name, not its parent domain.',
      'Inspect and log proxy traffic (TLS interception where policy allows) and alert on periodic check-ins such as these.',
      ...(names.length > 0 ? ['Sinkhole the names on every internal resolver (RPZ or unbound) so that a new address behind the same name is cut off too.'] : []),
    ],
    validation: [
      ...(check ? [`From ${victims[0] ?? 'an internal host'}: curl --max-time 5 http://${check.kind === 'ipv6' ? `[${check.value}]` : check.value}/   # must fail (time out or be refused)`] : []),
      ...names.slice(0, 3).map((i) => `dig @${ctx.resolver} ${i.value}   # must answer NXDOMAIN (or the sinkhole address)`),
      recheck('beacon', 'capture on the same segment: no beacon to these destinations'),
    ],
  }];
}
