import { canonicalAddress, text } from '../values.js';
import { alertSentences, byDetector, hostOr, incidentsOf, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** The /24 (IPv4) or /64 (IPv6) around an address, for the checks. */
function subnet(text: string): string | null {
  const a = canonicalAddress(text.split(' … ')[0]);
  if (a === null) return null;
  if (a.version === 4) return `${a.text.split('.').slice(0, 3).join('.')}.0/24`;
  return null;
}

/** Internal hosts scanning internal networks: segment them so a foothold cannot reach its neighbours. */
export function sweepMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'port_scan').filter((a) => {
    const src = canonicalAddress(a.src);
    const dst = canonicalAddress(text(a.dst[0]).split(' … ')[0]);
    return src !== null && ctx.scope.isInternal(src) && dst !== null && ctx.scope.isInternal(dst);
  });
  if (alerts.length === 0) return [];
  const nets = [...new Set(alerts.map((a) => subnet(text(a.dst[0]))).filter((n): n is string => n !== null))].sort();
  const scanner = hostOr(alerts[0].src);
  return [{
    id: 'segment-internal', priority: 'long-term',
    title: `Segment the internal network${nets.length > 0 ? ` (${nets.join(', ')})` : ''}`,
    why: sentences(alertSentences(alerts, alertPhrase), 'findings') + ' Nothing between the hosts stopped it.',
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: [], rules: [],
    hardening: [
      'Segment by role (servers, workstations, management) with default-deny between segments; allow only the flows each service needs, e.g. SMB (445) only to the file servers.',
      'Turn on the host firewall of every server and workstation and deny inbound SMB, RDP and SSH from peers.',
      'Alert on internal scans (many hosts or ports from one internal source) at the core switches or the NDR.',
    ],
    validation: nets.slice(0, 3).map((n) => `nmap -Pn -p 22,139,445,3389 ${n}   # from ${scanner}'s segment: only the services it needs answer, the rest filtered`)
      .concat([recheck('port_scan', 'capture on the segment: no internal sweep gets answers')]),
  }];
}
