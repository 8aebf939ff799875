import { count } from '../../detect/sql-detector.js';
import { amount, canonicalAddress } from '../values.js';
import { byDetector, incidentsOf, recheck, refs, sentences, type Draft, type FindingContext } from './context.js';

/** A MAC address as `aa:bb:cc:dd:ee:ff`, or null. */
function mac(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i.test(value) ? value.toLowerCase() : null;
}

/** Cisco's dotted MAC form for `show mac address-table`. */
function ciscoMac(m: string): string {
  const hex = m.replace(/:/g, '');
  return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`;
}

/** ARP spoofing: Dynamic ARP Inspection on the switches, static ARP for gateways, find the port. */
export function arpMitigations(ctx: FindingContext): Draft[] {
  const alerts = byDetector(ctx, 'arp_spoof');
  if (alerts.length === 0) return [];
  const suspects = [...new Set(alerts.map((a) => mac(a.evidence.suspect_mac) ?? mac(a.src)).filter((m): m is string => m !== null))].sort();
  const ips = [...new Set(alerts.map((a) => canonicalAddress(a.evidence.ip ?? a.dst[0])?.text).filter((t): t is string => t !== undefined))].sort();
  const why = alerts.map((a) => {
    const ip = canonicalAddress(a.evidence.ip ?? a.dst[0])?.text;
    const m = mac(a.evidence.suspect_mac) ?? mac(a.src);
    return `${m ?? 'A MAC address'} claimed ${ip ?? 'an address'} (${count(amount(a.evidence.messages) ?? 0)} ARP messages${Array.isArray(a.evidence.macs) ? `, ${a.evidence.macs.length} MACs for it` : ''}).`;
  });
  return [{
    id: 'stop-arp-spoofing', priority: 'short-term',
    title: `Stop ARP spoofing${suspects.length > 0 ? ` by ${suspects.join(', ')}` : ''}`,
    why: sentences(why, 'findings'),
    refs: refs(alerts, incidentsOf(ctx, alerts)),
    block: [], rules: [],
    hardening: [
      ...suspects.map((m) => `Find the switch port of ${m} (show mac address-table address ${ciscoMac(m)}), shut it and examine the machine behind it.`),
      'Turn on DHCP snooping and Dynamic ARP Inspection (ip arp inspection vlan …) on the access switches, with static bindings for hosts that have fixed addresses.',
      ...(ips.length > 0 ? [`Pin the gateway and key servers with static ARP entries on critical hosts (ip neigh replace ${ips[0]} lladdr <its real MAC> nud permanent dev <interface>).`] : []),
      'Use encrypted protocols (TLS, SSH) inside the LAN so an interceptor learns nothing.',
    ],
    validation: [
      ...ips.slice(0, 3).map((ip) => `ip neigh show ${ip}   # on a host of the segment: the real MAC, not ${suspects[0] ?? 'the spoofed one'}`),
      'show ip arp inspection statistics   # on the switch: DAI enabled and dropping forged replies',
      recheck('arp_spoof', 'capture on the segment: no alert'),
    ],
  }];
}
