import { canonicalAddress } from '../values.js';
import { alertSentences, byDetector, hostOr, incidentsOf, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** Large uploads from internal hosts: cap and inspect egress so the next one is stopped or seen. */
export function exfiltrationMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'exfiltration').filter((a) => {
    const src = canonicalAddress(a.src);
    return src !== null && ctx.scope.isInternal(src);
  });
  if (alerts.length === 0) return [];
  const senders = [...new Set(alerts.map((a) => hostOr(a.src)))].sort();
  return [{
    id: 'limit-egress', priority: 'short-term',
    title: `Cap and inspect uploads from ${senders.join(', ')}`,
    why: sentences(alertSentences(alerts, alertPhrase), 'findings'),
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: [], rules: [],
    hardening: [
      'Egress caps: servers send out only through the proxy, with a per-host upload quota and an alert when one host uploads more than a few MB to a destination it has never used.',
      'DLP at the proxy for the data classes the servers hold, and TLS inspection where policy allows.',
      'Treat the data that left as disclosed: list what the sending host could read and start the breach-notification assessment.',
    ],
    validation: [
      `From ${senders[0]}: head -c 5000000 /dev/urandom | curl --max-time 10 -s -o /dev/null -w '%{http_code}\\n' --data-binary @- https://example.com/   # must be refused (proxy quota or no direct egress)`,
      recheck('exfiltration', 'no alert from these hosts'),
    ],
  }];
}
