import type { Alert } from '../detect/alert.js';
import { formatBytes, formatCount } from './format.js';

/** True for RFC 1918, loopback, link-local and ULA addresses (hosts the analyst owns). */
export function isPrivateAddress(ip: string): boolean {
  return /^(10\.|127\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip) || /^f[cd][0-9a-f]{2}:|^fe80:|^::1$/i.test(ip);
}

function numberOf(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

function listOf(v: unknown): string {
  return Array.isArray(v) ? v.slice(0, 8).join(', ') : '';
}

/** Per detector: the weakness an alert shows was exploited, with its numbers, or null. */
const RULES: Record<string, (a: Alert) => string | null> = {
  port_scan(a) {
    const e = a.evidence;
    if (e.kind === 'horizontal' && isPrivateAddress(a.src)) return `Flat internal network: nothing stopped ${a.src} from probing ${formatCount(numberOf(e.hosts))} hosts on ${formatCount(numberOf(e.ports))} port(s) (no segmentation or internal filtering).`;
    const open = listOf(e.open_ports);
    if (open && !isPrivateAddress(a.src)) return `Services on ${a.dst.join(', ')} (port ${open}) answer anyone on the internet who scans for them.`;
    return null;
  },
  brute_force(a) {
    const e = a.evidence;
    const service = e.port === 22 ? 'SSH password authentication' : `Password login on port ${String(e.port ?? '?')}`;
    const from = isPrivateAddress(a.src) ? `from ${a.src}` : `from the internet (${a.src})`;
    const guesses = formatCount(numberOf(e.guesses ?? e.connections));
    return e.success === true
      ? `${service} on ${a.dst.join(', ')} is reachable ${from} and accepted a guessed password after ${guesses} attempts (no lockout or rate limit).`
      : `${service} on ${a.dst.join(', ')} is reachable ${from} and took ${guesses} guesses without lockout or rate limit.`;
  },
  beacon: (a) => `Outbound traffic is not restricted: ${a.src} reached ${a.dst.join(', ')} on a fixed schedule (no egress filtering or proxy allowlist).`,
  c2_checkin: (a) => `Outbound web traffic is not restricted: ${a.src} posted check-ins to ${String(a.evidence.host ?? a.dst.join(', '))} (no egress proxy allowlist or categorisation).`,
  exfiltration: (a) => `No egress volume control: ${formatBytes(numberOf(a.evidence.bytes_out))} left ${a.src} for ${a.dst.join(', ')} unchallenged.`,
  dns_tunnel: (a) => `Hosts may resolve any external name directly: ${a.src} carried data inside DNS queries.`,
  intel_match: (a) => `Traffic to a known-bad indicator (${String(a.evidence.indicator ?? a.dst.join(', '))}, feed ${String(a.evidence.feed ?? '?')}) was not blocked at the perimeter.`,
  web_attack: (a) => `A web application on ${a.dst.join(', ')} receives injection attempts unfiltered (no WAF or input validation in front).`,
  long_connection: (a) => `Long-lived sessions from ${a.src} to ${a.dst.join(', ')} are allowed without inspection.`,
  unusual_connection: (a) => `Traffic on non-standard ports is allowed between ${a.src} and ${a.dst.join(', ')}.`,
  flood: (a) => `${a.dst.join(', ')} has no rate limiting or upstream filtering against floods.`,
  arp_spoof: () => 'The LAN does not protect address resolution (no Dynamic ARP Inspection or static gateway entries).',
};
RULES.login_failures = RULES.brute_force;
RULES.auth_guessing = RULES.brute_force;

/** The weakness an alert shows was exploited (a plain sentence with numbers), or null when it shows none. */
export function weaknessOf(alert: Alert): string | null {
  return RULES[alert.detector]?.(alert) ?? null;
}
