import { byDetector, hostOr, incidentsOf, nmapCommand, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** Floods: absorb them upstream and on the victim; single sources are also blocked with the attackers. */
export function floodMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'flood');
  if (alerts.length === 0) return [];
  const victims = [...new Set(alerts.map((a) => hostOr(a.dst[0])))].sort();
  const spoofed = alerts.some((a) => a.evidence.spoofed === true);
  return [{
    id: 'absorb-floods', priority: 'short-term',
    title: `Absorb floods against ${victims.join(', ')}`,
    why: sentences(alerts.map((a) => `${alertPhrase(a)}.`), 'floods').slice(0, -1) + (spoofed ? '. The sources were spoofed, so blocking them by address would not help.' : '.'),
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: [], rules: [],
    hardening: [
      'Ask the upstream provider or DDoS-scrubbing service to filter the flood before it reaches the link, and agree a runbook for the next one.',
      'On the victim: SYN cookies on (sysctl net.ipv4.tcp_syncookies=1), connection-rate limits per source at the edge, and only the needed ports reachable.',
      'Close open UDP services that amplify (DNS recursion, NTP monlist, memcached, SSDP) on your own hosts.',
    ],
    validation: [
      'sysctl net.ipv4.tcp_syncookies   # on the victim: must print 1',
      ...victims.filter((v) => !v.startsWith('a host')).slice(0, 3).map((v) => `${nmapCommand('-sU -p 53,123,1900,11211', v)}   # from outside: no amplifying UDP service open`),
      'tracer detect on a capture of the next attack: the flood stops at the edge (fewer packets reach the victim).',
    ],
  }];
}
