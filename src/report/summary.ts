import { SEVERITIES, severityRank, type Severity } from '../detect/alert.js';
import type { Analysis } from '../correlate/model.js';
import { formatTime } from './format.js';
import type { Summary } from './model.js';

function unique(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

function list(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const text = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : text;
}

/**
 * Section 1 in plain words: the headline sentence, the worst severity, the time
 * window of the incidents, who attacked whom, which hosts are compromised, and
 * the alert counts per severity.
 */
export function summarise(analysis: Analysis): Summary {
  const incidents = analysis.incidents;
  const alertCounts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const a of analysis.alerts) alertCounts[a.severity]++;
  const attackers = unique(incidents.map((i) => i.attackers));
  const pivots = unique(incidents.map((i) => i.pivots ?? []));
  const victims = unique(incidents.map((i) => i.victims));
  const c2 = unique(incidents.map((i) => i.c2));
  const compromised = incidents.flatMap((i) => i.compromised).sort((a, b) => b.score - a.score);
  const severity = incidents.reduce<Severity | 'none'>((worst, i) => (worst === 'none' || severityRank(i.severity) > severityRank(worst) ? i.severity : worst), 'none');
  const window = incidents.length === 0 ? null : { start: Math.min(...incidents.map((i) => i.start)), end: Math.max(...incidents.map((i) => i.end)) };
  return { headline: headline(analysis, attackers, victims, compromised.map((c) => c.host), c2, window), severity, window, attackers, pivots, victims, c2, compromised, alertCounts, incidents: incidents.length };
}

function headline(analysis: Analysis, attackers: string[], victims: string[], compromised: string[], c2: string[], window: Summary['window']): string {
  if (!window) {
    const n = analysis.alerts.length;
    return n === 0 ? 'No attack was found in the traffic examined.' : `No connected attack was found; ${n} isolated alert(s) are listed below for review.`;
  }
  const who = attackers.length > 0 ? list(attackers) : 'an unidentified source';
  const whom = victims.length > 0 ? list(victims) : 'hosts on the network';
  const parts = [`Between ${formatTime(window.start)} and ${formatTime(window.end)} UTC, ${who} attacked ${whom}.`];
  if (compromised.length > 0) parts.push(`${list(compromised)} ${compromised.length === 1 ? 'was' : 'were'} compromised.`);
  else parts.push('No host was shown to be compromised.');
  const then = compromised.length === 0 ? 'The attacked hosts' : compromised.length === 1 ? 'It' : 'They';
  if (c2.length > 0) parts.push(`${then} then contacted ${list(c2)} (command and control or data theft).`);
  return parts.join(' ');
}
