import { count, type SqlDetector } from './sql-detector.js';

/** ARP cache poisoning (one IP claimed by several MACs, one MAC claiming several IPs) and gratuitous ARP storms. */
export const arpSpoof: SqlDetector = {
  name: 'arp_spoof',
  file: 'arp-spoof',
  attack: { tactic: 'Credential Access', techniqueId: 'T1557.002', technique: 'Adversary-in-the-Middle: ARP Cache Poisoning' },
  describe(row) {
    const explanation = row.kind === 'ip_conflict'
      ? `${row.ip} was claimed by ${count(row.macs)} MACs: first ${row.original_mac}, then ${row.suspect_mac} (${count(row.replies)} replies among ${count(row.messages)} messages).`
      : row.kind === 'mac_multi_ip'
        ? `${row.src} claimed ${count(row.macs)} IP addresses (${(row.dst as string[]).join(', ')}) in ${count(row.messages)} ARP messages.`
        : `${row.src} sent ${count(row.messages)} gratuitous ARP messages (up to ${count(row.peak)} per window) for ${count(row.macs)} address(es).`;
    return {
      severity: row.kind === 'gratuitous_storm' ? 'low' : row.kind === 'ip_conflict' ? 'high' : 'medium',
      explanation,
      evidence: { kind: row.kind, ip: row.ip, macs: row.macs, suspect_mac: row.suspect_mac, original_mac: row.original_mac, messages: row.messages, replies: row.replies },
    };
  },
};
