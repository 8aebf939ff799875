import type { Alert } from '../../detect/alert.js';
import { bytes, count, seconds } from '../../detect/sql-detector.js';
import { amount, canonicalDomain, lookup, validPort } from '../values.js';
import { hostOr } from './context.js';

/** Web attack classes in words (the only class names printed). */
const WEB_CLASSES: Record<string, string> = {
  sql_injection: 'SQL injection', path_traversal: 'path traversal', command_injection: 'command injection', xss: 'cross-site scripting', web_shell: 'web-shell',
};

/** Flood kinds in words. */
const FLOOD_KINDS: Record<string, string> = {
  syn_flood: 'SYN flood', tcp_reflection: 'TCP reflection flood', udp_flood: 'UDP flood', icmp_flood: 'ICMP flood', amplification: 'UDP amplification attack',
};

/** A number from the alert's evidence, formatted with separators, or `?`. */
function n(alert: Alert, field: string): string {
  const v = amount(alert.evidence[field]);
  return v === null ? '?' : count(v);
}

/** The time an alert covers, in words. */
function span(alert: Alert): string {
  const first = amount(alert.firstSeen);
  const last = amount(alert.lastSeen);
  const s = first === null || last === null ? null : amount(last - first);
  return s === null ? '' : ` in ${seconds(s)}`;
}

/** Describes one alert's finding from its numbers and validated hosts only (never its explanation). */
export function alertPhrase(alert: Alert): string {
  const to = hostOr(alert.dst[0]);
  const e = alert.evidence;
  switch (alert.detector) {
    case 'port_scan':
      return e.kind === 'vertical'
        ? `scanned ${n(alert, 'ports')} ports on ${to} with ${n(alert, 'probes')} probes${span(alert)}`
        : `swept ${n(alert, 'hosts')} hosts (${to}) on ${n(alert, 'ports')} port(s) with ${n(alert, 'probes')} probes${span(alert)}`;
    case 'brute_force':
      return `made ${n(alert, 'guesses')} password guesses against ${to}:${validPort(e.port) ?? '?'}${span(alert)}${e.success === true ? ', and a longer session followed' : ''}`;
    case 'auth_guessing':
      return `failed ${n(alert, 'failures')} logins on ${to} for ${n(alert, 'accounts')} account(s)${span(alert)}${amount(e.accepted_at) !== null ? ', then a login was accepted' : ''}`;
    case 'login_failures':
      return `failed ${n(alert, 'failures')} ${e.service === 'ftp' ? 'FTP' : e.service === 'http' ? 'HTTP' : ''} logins on ${to}${span(alert)}`;
    case 'beacon':
      return `contacted ${to} ${n(alert, 'connections')} times every ~${seconds(amount(e.median_interval) ?? 0)}`;
    case 'c2_checkin':
      return `posted ${n(alert, 'requests')} check-ins to ${String(e.host ?? to)}${String(e.path ?? '')}`;
    case 'exfiltration':
      return `sent ${bytes(amount(e.bytes_out) ?? 0)} to ${to} over ${n(alert, 'connections')} connection(s)`;
    case 'dns_tunnel':
      return `sent ${n(alert, 'queries')} DNS queries for ${n(alert, 'unique_names')} unique names under ${canonicalDomain(e.domain) ?? to}`;
    case 'web_attack':
      return `sent ${n(alert, 'requests')} ${lookup(WEB_CLASSES, e.class) ?? 'web attack'} request(s) to ${to}`;
    case 'flood':
      return `${lookup(FLOOD_KINDS, e.kind) ?? 'flood'} on ${to}: ${n(alert, 'packets')} packets from ${n(alert, 'sources')} source(s)`;
    case 'long_connection':
      return `held a connection to ${to} for ${seconds(amount(e.duration) ?? 0)} carrying ${bytes(amount(e.bytes) ?? 0)}`;
    case 'intel_match':
      return `was seen with ${to}, listed in threat intelligence (${n(alert, 'seen')} record(s))`;
    default:
      return `raised an alert about ${to}`;
  }
}
