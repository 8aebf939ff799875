import type { Alert } from '../../detect/alert.js';
import { rateLimitRules } from '../rules/rate-limit.js';
import { amount, canonicalAddress, safeAccount, validPort } from '../values.js';
import { alertSentences, byDetector, hostOr, incidentsOf, nmapCommand, pushTo, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';
import { alertPhrase } from './phrases.js';

/** Services by port, and the hardening each needs beyond rate limiting. */
const SERVICES: Record<number, { name: string; steps: string[] }> = {
  22: { name: 'SSH', steps: [
    'In /etc/ssh/sshd_config set PasswordAuthentication no, KbdInteractiveAuthentication no and PermitRootLogin no, keep PubkeyAuthentication yes (keys only), check with sshd -t and reload sshd.',
    'Restrict the source: allow port 22 only from the admin networks, a VPN or a bastion host, never from the whole internet.',
    'Or run fail2ban with the sshd jail (maxretry 5, findtime 10m, bantime 1h) where the rate-limit rules of this mitigation cannot be loaded.',
  ] },
  3389: { name: 'RDP', steps: [
    'Require Network Level Authentication and an account lockout policy (e.g. 10 failures in 15 minutes), and put RDP behind a VPN or RD Gateway with MFA.',
  ] },
  21: { name: 'FTP', steps: ['Replace FTP with SFTP (keys only); if FTP must stay, lock accounts after repeated failures and allow it only from known partners.'] },
};

/** The server and port guessed against, from a guessing alert. */
function target(a: Alert): { host: string; port: number | null } {
  const port = a.detector === 'auth_guessing' ? 22 : a.detector === 'login_failures' ? (a.evidence.service === 'ftp' ? 21 : null) : validPort(a.evidence.port);
  return { host: hostOr(a.dst[0]), port };
}

/** Whether the guessing ended in an accepted login (on the wire or in the host log). */
function succeeded(a: Alert): boolean {
  return a.evidence.success === true || amount(a.evidence.accepted_at) !== null;
}

/**
 * Per attacked server and service: close password guessing (keys only, restricted
 * source, rate limit), and when a guess succeeded, reset the credentials it won.
 */
export function credentialMitigations(ctx: FindingContext): Draft[] {
  const groups = new Map<string, Alert[]>();
  for (const a of byDetector(ctx, 'brute_force', 'auth_guessing', 'login_failures')) {
    const { host, port } = target(a);
    const key = `${host}|${port ?? ''}`;
    pushTo(groups, key, a);
  }
  return [...groups.keys()].sort().map((key) => {
    const alerts = groups.get(key)!;
    const { host, port } = target(alerts[0]);
    const service = port === null ? undefined : SERVICES[port];
    const name = service?.name ?? (port === null ? 'the login service' : `the service on port ${port}`);
    const won = alerts.some(succeeded);
    const accounts = [...new Set(alerts.map((a) => safeAccount(a.evidence.accepted_user)).filter((u): u is string => u !== null))].sort();
    const publicSource = alerts.some((a) => { const s = canonicalAddress(a.src); return s !== null && !ctx.scope.isInternal(s); });
    const sshHost = canonicalAddress(host) ? host : null;
    return {
      id: `harden-login-${host.replace(/[^A-Za-z0-9]+/g, '-')}-${port ?? 'svc'}`, priority: won ? 'immediate' : 'short-term',
      title: `Stop password guessing against ${name} on ${host}${won ? ' (a guess succeeded)' : ''}`,
      why: `${sentences(alertSentences(alerts, alertPhrase), 'findings')}${publicSource ? ` ${name} on ${host} accepted password logins from outside the organisation's networks.` : ''}`,
      refs: refs(alerts, incidentsOf(ctx, alerts)),
      block: [],
      rules: port === null ? [] : rateLimitRules(port, service?.name ?? `port ${port}`),
      hardening: [
        ...(won ? [`Reset the password of every account that logged in from the attacker${accounts.length > 0 ? ` (${accounts.join(', ')})` : ''}, end its sessions, and check ~/.ssh/authorized_keys, crontabs and systemd units for anything the attacker added.`] : []),
        ...(service?.steps ?? ['Lock accounts after repeated failures, require MFA, and expose the service only to the networks that use it.']),
      ],
      validation: [
        ...(sshHost && port !== null ? [`${nmapCommand(`-p ${port}`, sshHost)}   # from outside the organisation: the port must show filtered`] : []),
        ...(sshHost && port === 22 ? [
          `ssh -o PreferredAuthentications=password -o PubkeyAuthentication=no probe@${sshHost}   # must fail with "Permission denied (publickey)."`,
          `sshd -T | grep -Ei '^(passwordauthentication|kbdinteractiveauthentication|permitrootlogin) '   # on ${sshHost}: all "no"`,
        ] : []),
        ...(port !== null ? [`nft list table inet tracer_ratelimit_${port}   # on ${host}: loaded; a 6th connection within a minute from one source times out`] : []),
        recheck('brute_force', 'no guessing against this server that gets through'),
      ],
    };
  });
}
