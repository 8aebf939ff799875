import { severityRank, type Alert } from '../detect/alert.js';
import type { AttackPattern } from './model.js';
import { weaknessOf } from './weaknesses.js';

/** Plain-words descriptions of the ATT&CK techniques Tracer's detectors report. */
const DESCRIPTIONS: Record<string, string> = {
  T1046: 'Probing hosts and ports to find services to attack.',
  T1110: 'Guessing passwords over and over until one works.',
  'T1110.001': 'Guessing passwords over and over until one works.',
  T1071: 'Talking to an attacker-controlled server over ordinary web or application protocols to receive commands.',
  'T1071.004': 'Hiding command-and-control traffic inside DNS queries and answers.',
  T1048: 'Copying data out of the network over a channel other than the usual command-and-control one.',
  T1498: 'Flooding a host or link with traffic; also raised for sudden traffic surges.',
  T1571: 'Using a port unusual for the protocol to slip past filters.',
  T1190: 'Attacking an internet-facing application (injection, traversal) to get in.',
  T1105: 'Moving tools or malware into the network.',
  'T1557.002': 'Poisoning ARP caches to sit between hosts and read or change their traffic.',
};

/** The MITRE ATT&CK page of a technique: `T1110.001` → …/techniques/T1110/001/. */
export function attackUrl(techniqueId: string): string {
  if (!/^T\d{4}(\.\d{3})?$/.test(techniqueId)) return 'https://attack.mitre.org/techniques/enterprise/';
  return `https://attack.mitre.org/techniques/${techniqueId.replace('.', '/')}/`;
}

/** Most weaknesses and hosts listed per technique. */
const MAX_ITEMS = 6;

/**
 * Section 4: one entry per ATT&CK technique seen, the most severe first (then by first appearance),
 * with its description, link, hosts and the weaknesses the activity exploited.
 */
export function attackPatterns(alerts: readonly Alert[]): AttackPattern[] {
  const byTechnique = new Map<string, Alert[]>();
  for (const a of [...alerts].sort((x, y) => x.firstSeen - y.firstSeen)) {
    const list = byTechnique.get(a.attack.techniqueId) ?? [];
    list.push(a);
    byTechnique.set(a.attack.techniqueId, list);
  }
  const worst = (list: Alert[]) => Math.max(...list.map((a) => severityRank(a.severity)));
  const ordered = [...byTechnique].sort(([, a], [, b]) => worst(b) - worst(a) || a[0].firstSeen - b[0].firstSeen);
  return ordered.map(([id, list]) => {
    const weaknesses = [...new Set(list.map(weaknessOf).filter((w): w is string => w !== null))];
    const hosts = [...new Set(list.map((a) => a.src))];
    return {
      techniqueId: id, technique: list[0].attack.technique, tactic: list[0].attack.tactic, url: attackUrl(id),
      description: DESCRIPTIONS[id] ?? DESCRIPTIONS[id.split('.')[0]] ?? list[0].attack.technique,
      alerts: list.length, hosts: hosts.slice(0, MAX_ITEMS), weaknesses: weaknesses.slice(0, MAX_ITEMS),
    };
  });
}
