import { canonicalAddress, canonicalDomain } from '../values.js';
import { alertSentences, byDetector, hostOr, incidentsOf, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** Sinkholes tunnelling domains and forces every client through the internal resolvers. */
export function dnsTunnelMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'dns_tunnel').filter((a) => canonicalDomain(a.evidence.domain ?? a.dst[0]) !== null);
  if (alerts.length === 0) return [];
  const names = [...new Set(alerts.map((a) => canonicalDomain(a.evidence.domain ?? a.dst[0])!))].sort();
  const resolvers = [...new Set(alerts.flatMap((a) => (Array.isArray(a.evidence.resolvers) ? a.evidence.resolvers : [])).map((r) => canonicalAddress(r)))]
    .filter((r) => r !== null);
  const outside = [...new Set(resolvers.filter((r) => ctx.scope.isBlockable(r)).map((r) => r.text))].sort();
  const client = hostOr(alerts[0].src);
  return [{
    id: 'dns-tunnel', priority: 'immediate', ruleName: 'block_dns_tunnel',
    title: `Sinkhole ${names.length} DNS tunnelling domain(s) and force internal resolvers`,
    why: sentences(alertSentences(alerts, alertPhrase), 'findings')
      + (outside.length > 0 ? ` The queries went straight to outside resolver(s) ${outside.join(', ')}.` : ''),
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: names.map((value) => ({ value, kind: 'domain', role: 'dns-tunnel' })),
    rules: [],
    hardening: [
      'Clients resolve only through the internal resolvers: block outbound 53/udp, 53/tcp and 853/tcp (DNS over TLS) at the perimeter for every host except those resolvers, and block known DNS-over-HTTPS endpoints at the proxy.',
      'On the resolvers, log queries and alert on many unique, long, high-entropy subdomains of one domain; cap TXT/NULL answers.',
      `Investigate ${client} as a compromised host: the tunnel is software running on it.`,
    ],
    validation: [
      ...names.slice(0, 3).map((n) => `dig @${ctx.resolver} probe.${n} TXT   # must answer NXDOMAIN (or the sinkhole address)`),
      `From ${client}: dig @9.9.9.9 example.com +time=3 +tries=1   # must time out: outbound DNS is blocked`,
      recheck('dns_tunnel', 'no alert'),
    ],
  }];
}
