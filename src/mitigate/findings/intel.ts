import type { Alert } from '../../detect/alert.js';
import type { Indicator } from '../rules/index.js';
import { canonicalAddress, canonicalDomain } from '../values.js';
import { addressIndicator, byDetector, hostOr, sentences, incidentsOf, refs, type Draft, type FindingContext } from './context.js';

/** A feed name as configured (letters, digits, dots, dashes, underscores), or null. */
function feedName(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value) ? value : null;
}

/** The observable an intel alert matched, when it can be blocked: the external address, or the domain. */
function observable(ctx: FindingContext, a: Alert): Indicator | null {
  if (a.evidence.kind === 'domain') {
    const name = canonicalDomain(a.evidence.indicator);
    return name ? { value: name, kind: 'domain', role: 'intel' } : null;
  }
  if (a.evidence.kind !== 'ip') return null;
  for (const side of [a.dst[0], a.src]) {
    const address = canonicalAddress(side);
    if (address && ctx.scope.isBlockable(address)) return addressIndicator(address, 'intel');
  }
  return null;
}

/** Blocks the addresses and names that threat-intel feeds listed and the capture saw. */
export function intelMitigations(ctx: FindingContext, maxIndicators: number): Draft[] {
  const hits: Array<{ alert: Alert; indicator: Indicator }> = [];
  for (const alert of byDetector(ctx, 'intel_match')) {
    const indicator = observable(ctx, alert);
    if (indicator) hits.push({ alert, indicator });
  }
  if (hits.length === 0) return [];
  const block = [...new Map(hits.map((h) => [h.indicator.value, h.indicator])).values()].slice(0, maxIndicators);
  const why = hits.map(({ alert, indicator }) => {
    const feed = feedName(alert.evidence.feed);
    const other = indicator.value === hostOr(alert.src) ? hostOr(alert.dst[0]) : hostOr(alert.src);
    return `${indicator.value} is listed${feed ? ` in feed ${feed}` : ' in a threat-intel feed'} and was seen with ${other}.`;
  });
  const first = block[0];
  return [{
    id: 'block-intel', priority: 'immediate', ruleName: 'block_intel',
    title: `Block ${block.length} indicator(s) listed in threat intelligence`,
    why: sentences(why, 'matches'), refs: refs(hits.map((h) => h.alert), incidentsOf(ctx, hits.map((h) => h.alert))),
    block, rules: [],
    hardening: [
      'Feed the same indicators to the firewall, IPS and resolvers automatically (Zeek intel, RPZ, dynamic block lists) so the next match is blocked, not only reported.',
      'Review each internal host that contacted a listed indicator for compromise before closing the case.',
    ],
    validation: [
      first.kind === 'domain'
        ? `dig @${ctx.resolver} ${first.value}   # must answer NXDOMAIN (or the sinkhole address)`
        : `curl --max-time 5 http://${first.kind === 'ipv6' ? `[${first.value}]` : first.value}/   # from an internal host: must fail`,
      'zeek -r new-capture.pcap frameworks/intel/seen \'redef Intel::read_files += { "tracer-intel.dat" };\' && cat intel.log   # lists any further sighting',
    ],
  }];
}
