import { count } from '../../detect/sql-detector.js';
import { amount } from '../values.js';
import { byDetector, hostOr, incidentsOf, nmapCommand, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';

/** Logins sent in clear text (FTP, Telnet, HTTP Basic): move them to encrypted protocols. */
export function cleartextMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'unusual_connection').filter((a) => a.evidence.kind === 'cleartext_auth');
  if (alerts.length === 0) return [];
  const servers = [...new Set(alerts.map((a) => hostOr(a.dst[0])))].sort();
  return [{
    id: 'encrypt-logins', priority: 'short-term',
    title: `Stop clear-text logins to ${servers.join(', ')}`,
    why: sentences(alerts.map((a) => `${hostOr(a.src)} authenticated in clear text with ${hostOr(a.dst[0])} (${count(amount(a.evidence.connections) ?? 0)} connection(s)), so anyone on the path could read the password.`), 'findings'),
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: [], rules: [],
    hardening: [
      'Replace FTP with SFTP or FTPS and Telnet with SSH; serve HTTP logins only over HTTPS (redirect port 80, HSTS).',
      'Change the passwords that crossed the network in clear text: treat them as known to anyone who could capture traffic there.',
    ],
    validation: [
      ...servers.filter((s) => !s.startsWith('a host')).slice(0, 3).map((s) => `${nmapCommand('-p 21,23,80', s)}   # only ports that redirect to or require encryption stay open`),
      recheck('unusual_connection', 'no clear-text login alert'),
    ],
  }];
}
