import type { Alert } from '../detect/alert.js';
import type { CompromisedHost, TimelineEvent } from './model.js';
import type { Candidate } from './traffic-signs.js';
import { clock, isAttack, isControl, isLogin } from './kinds.js';

/** One piece of evidence that a host fell: its weight (0–1), when, and the sentence. */
export interface Sign {
  weight: number;
  ts: number;
  reason: string;
  /** Behaviour of the host itself, rather than proof the attack succeeded. */
  behaviour: boolean;
}

/** Weight of each kind of new behaviour by the victim, by event source. */
const BEHAVIOUR_WEIGHT: Record<string, number> = {
  beacon: 0.45, c2_checkin: 0.45, exfiltration: 0.4, port_scan: 0.35, dns_tunnel: 0.35, intel_match: 0.35, brute_force: 0.35, auth_guessing: 0.35,
  web_attack: 0.3, login_failures: 0.3, long_connection: 0.2, unusual_connection: 0.2, suricata: 0.3, notice: 0.3,
};

/** Short phrase for a victim's own new behaviour. */
function behaviourReason(event: TimelineEvent): string {
  const to = event.dst.join(', ');
  switch (event.source) {
    case 'beacon': return `beaconed to ${to} from ${clock(event.ts)}`;
    case 'c2_checkin': return `checked in with ${to} from ${clock(event.ts)}`;
    case 'exfiltration': return `sent data out to ${to} from ${clock(event.ts)}`;
    case 'port_scan': return `scanned ${to} at ${clock(event.ts)}`;
    case 'dns_tunnel': return `tunnelled data through DNS (${to}) from ${clock(event.ts)}`;
    case 'intel_match': return `contacted ${to}, listed in threat intelligence, at ${clock(event.ts)}`;
    default: return isControl(event) ? `talked to ${to} in a new way at ${clock(event.ts)} (${event.source})` : `attacked ${to} at ${clock(event.ts)} (${event.source})`;
  }
}

/**
 * Signs in the incident's own events: a login the attacker won (one sign per attacker, however
 * many logins), a session after guessing, the victim's new behaviour.
 */
function eventSigns({ host, since, attackers }: Candidate, events: readonly TimelineEvent[], alerts: ReadonlyMap<string, Alert>): Sign[] {
  const signs: Sign[] = [];
  const logins = new Map<string, { first: TimelineEvent; n: number }>();
  for (const e of events) {
    if (e.ts < since) continue;
    if (isLogin(e) && e.dst.includes(host) && attackers.includes(e.src)) {
      const seen = logins.get(e.src);
      if (seen) seen.n++;
      else logins.set(e.src, { first: e, n: 1 });
    } else if (e.source === 'brute_force' && e.dst.includes(host) && alerts.get(e.ref.alertId ?? '')?.evidence.success === true) {
      signs.push({ weight: 0.3, ts: e.end, reason: `a longer session followed the password guesses from ${e.src}`, behaviour: false });
    } else if (e.src === host && e.kind !== 'auth' && (isControl(e) || isAttack(e)) && BEHAVIOUR_WEIGHT[e.source]) {
      signs.push({ weight: BEHAVIOUR_WEIGHT[e.source], ts: e.ts, reason: behaviourReason(e), behaviour: true });
    } else if (e.kind === 'host' && e.src === host) {
      signs.push({ weight: 0.25, ts: e.ts, reason: e.summary.replace(/\.$/, ''), behaviour: true });
    }
  }
  for (const { first, n } of logins.values()) {
    const all = n > 1 ? `; ${n} accepted logins in all` : '';
    signs.push({ weight: 0.5, ts: first.ts, reason: `${first.summary.replace(/\.$/, '')} at ${clock(first.ts)}, after failed logins${all}`, behaviour: false });
  }
  return signs;
}

/**
 * Judges whether an attacked internal host was compromised: independent signs combine as
 * 1 − Π(1 − weight). A host counts as compromised at 0.5 or more — an accepted login after
 * guessing on its own, or new behaviour after the attack (beaconing, scanning, exfiltration,
 * calls back to the attacker; `trafficSigns` come from the connection records, see traffic-signs.ts).
 * Returns null for a host that shows neither.
 */
export function judgeCompromise(
  candidate: Candidate, events: readonly TimelineEvent[], alerts: ReadonlyMap<string, Alert>, trafficSigns: readonly Sign[],
): CompromisedHost | null {
  const signs = [...eventSigns(candidate, events, alerts), ...trafficSigns];
  const score = 1 - signs.reduce((left, s) => left * (1 - s.weight), 1);
  if (signs.length === 0 || score < 0.5) return null;
  signs.sort((a, b) => b.weight - a.weight || a.ts - b.ts);
  const behaviour = signs.filter((s) => s.behaviour);
  return {
    host: candidate.host, score: Math.round(score * 100) / 100, reasons: [...new Set(signs.map((s) => s.reason))], attackedAt: candidate.since,
    firstNewBehaviour: Math.min(...(behaviour.length ? behaviour : signs).map((s) => s.ts)),
  };
}
