import { lookup, text } from '../values.js';
import { alertSentences, byDetector, hostOr, incidentsOf, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** A harmless test request per attack class that a WAF must refuse (Tracer's own, never from traffic). */
const PROBES: Record<string, string> = {
  sql_injection: "/?id=1%27%20OR%20%271%27=%271", path_traversal: '/?file=../../../../etc/passwd', command_injection: '/?host=127.0.0.1%3Bid',
  xss: '/?q=%3Cscript%3Ealert(1)%3C/script%3E', web_shell: '/shell.php?cmd=id',
};

/** Web attacks: patch the application, put a WAF in front, and check it refuses the same class of request. */
export function webMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'web_attack');
  if (alerts.length === 0) return [];
  const servers = [...new Set(alerts.map((a) => hostOr(a.dst[0])))].sort();
  const classes = [...new Set(alerts.map((a) => text(a.evidence.class)).filter((c) => lookup(PROBES, c) !== undefined))].sort();
  return [{
    id: 'harden-web', priority: 'short-term',
    title: `Patch and shield the web application(s) on ${servers.join(', ')}`,
    why: sentences(alertSentences(alerts, alertPhrase), 'findings'),
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: [], rules: [],
    hardening: [
      'Patch the application and its framework; fix the input handling the requests aimed at (parameterised queries, no shell calls with user input, path canonicalisation, output encoding).',
      'Put a WAF in front (e.g. ModSecurity or Coraza with the OWASP Core Rule Set, blocking mode) and log request bodies for the affected paths.',
      'Check the web server logs and files for signs the requests worked (new files under the web root, 200 answers to the attack requests).',
    ],
    validation: [
      ...servers.filter((s) => !s.startsWith('a host')).slice(0, 3).flatMap((s) => classes.map((c) => `curl -s -o /dev/null -w '%{http_code}\\n' 'http://${s.includes(':') ? `[${s}]` : s}${PROBES[c]}'   # must print 403 (refused by the WAF)`)),
      recheck('web_attack', 'any request left is one the WAF answered with 403'),
    ],
  }];
}
