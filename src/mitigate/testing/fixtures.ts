import type { Analysis, Incident } from '../../correlate/model.js';
import { makeAlert, type Alert, type AlertDraft } from '../../detect/alert.js';

/** The bundled sample's actors, and those of the extra findings. */
export const ATTACKER = '203.0.113.66';
export const ATTACKER6 = '2001:db8:bad::66';
export const VICTIM = '10.10.0.10';
export const C2 = '198.51.100.23';
export const C2_NAME = 'update-check.example-cdn.net';
export const TUNNEL = 't.exfil-dns.example';
export const WEB_ATTACKER = '192.0.2.77';
export const WEB_SERVER = '10.10.0.20';
export const INTEL_IP = '198.51.100.99';
export const INTEL_NAME = 'bad-updates.example.org';
export const SPOOF_MAC = '02:00:5e:10:00:66';
/** A long-lived peer outside any incident: reported, not blocked. */
export const LONG_PEER = '192.0.2.200';

const T = 1_795_168_865; // 2026-11-20T10:01:05Z

type Over = Partial<AlertDraft> & Pick<AlertDraft, 'detector' | 'src' | 'dst' | 'evidence'>;

/** An alert as the detectors write it (id from detector and key). */
function alert(over: Over, at: number): Alert {
  return makeAlert({
    key: `${over.detector}:${over.src}>${over.dst.join(',')}`, severity: 'high', score: 0.9, firstSeen: T + at, lastSeen: T + at + 60,
    attack: { tactic: 'Discovery', techniqueId: 'T1046', technique: 'Network Service Discovery' }, explanation: `${over.detector} alert.`, ...over,
  });
}

/** The sample intrusion's alerts: scan, SSH guessing with a login, beacons, exfiltration, internal sweep, a traffic spike. */
export function intrusionAlerts(): Alert[] {
  return [
    alert({ detector: 'port_scan', src: ATTACKER, dst: [VICTIM], lastSeen: T + 4, evidence: { kind: 'vertical', scan_type: 'connect', ports: 1000, hosts: 1, probes: 1000, open_ports: [22, 80] } }, 0),
    alert({ detector: 'brute_force', src: ATTACKER, dst: [VICTIM], lastSeen: T + 143.4, evidence: { port: 22, connections: 53, guesses: 53, success: true, success_uids: ['C1'] } }, 55),
    alert({ detector: 'auth_guessing', src: ATTACKER, dst: [VICTIM], severity: 'critical', evidence: { failures: 52, accounts: 5, host: 'web01', accepted_at: T + 143, accepted_user: 'admin' } }, 55),
    alert({ detector: 'beacon', src: VICTIM, dst: [C2], severity: 'low', evidence: { connections: 41, median_interval: 60, median_size: 156 } }, 234),
    alert({ detector: 'beacon', src: VICTIM, dst: [C2_NAME], severity: 'low', evidence: { connections: 41, median_interval: 60, median_size: 0 } }, 234),
    alert({ detector: 'exfiltration', src: VICTIM, dst: [C2], evidence: { bytes_out: 4_007_608, bytes_in: 6055, connections: 41, ports: [80, 443], local_dst: false } }, 234),
    alert({ detector: 'port_scan', src: VICTIM, dst: ['10.10.0.1 … 10.10.0.99'], evidence: { kind: 'horizontal', scan_type: 'SYN', ports: 1, hosts: 253, probes: 253 } }, 1135),
    alert({ detector: 'traffic_spike', src: ATTACKER, dst: [VICTIM], severity: 'low', evidence: { ratio: 92 } }, 0),
  ];
}

/** Findings beyond the sample: DNS tunnel, web attack, spoofed and single-source floods, ARP spoofing, intel, an IPv6 scanner. */
export function otherAlerts(): Alert[] {
  return [
    alert({ detector: 'dns_tunnel', src: '10.10.0.31', dst: [TUNNEL], severity: 'critical', evidence: { domain: TUNNEL, queries: 4200, unique_names: 3900, resolvers: ['10.10.0.2', '8.8.8.8'] } }, 300),
    alert({ detector: 'web_attack', src: WEB_ATTACKER, dst: [WEB_SERVER], evidence: { class: 'sql_injection', requests: 12, sample_requests: ["/item?id=1' OR '1'='1"] } }, 400),
    alert({ detector: 'flood', src: '812 sources', dst: [WEB_SERVER], evidence: { kind: 'syn_flood', packets: 250_000, sources: 812, spoofed: true } }, 500),
    alert({ detector: 'arp_spoof', src: SPOOF_MAC, dst: ['10.10.0.1'], evidence: { kind: 'ip_conflict', ip: '10.10.0.1', macs: ['00:11:22:33:44:55', SPOOF_MAC], suspect_mac: SPOOF_MAC, messages: 40 } }, 600),
    alert({ detector: 'intel_match', src: '10.10.0.31', dst: [INTEL_IP], evidence: { kind: 'ip', indicator: INTEL_IP, feed: 'abuse-ch', seen: 3 } }, 700),
    alert({ detector: 'intel_match', src: '10.10.0.31', dst: ['10.10.0.2'], evidence: { kind: 'domain', indicator: INTEL_NAME, feed: 'urlhaus', seen: 2 } }, 710),
    alert({ detector: 'port_scan', src: ATTACKER6, dst: ['2001:db8:10::10'], evidence: { kind: 'vertical', ports: 200, hosts: 1, probes: 200 } }, 800),
    alert({ detector: 'long_connection', src: '10.10.0.31', dst: [LONG_PEER], severity: 'medium', evidence: { duration: 30_000, bytes: 1e6 } }, 900),
    alert({ detector: 'unusual_connection', src: '10.10.0.31', dst: ['10.10.0.21'], severity: 'medium', evidence: { kind: 'cleartext_auth', detail: 'ftp USER admin', connections: 3 } }, 950),
  ];
}

/** The sample's incident, as correlate writes it. */
function intrusionIncident(alerts: Alert[]): Incident {
  return {
    id: 'INC-f5bde8051c', severity: 'critical', start: T, end: T + 2575, attackers: [ATTACKER], pivots: [VICTIM], victims: [VICTIM], c2: [C2, C2_NAME],
    compromised: [{ host: VICTIM, score: 0.96, reasons: ['an accepted password for "admin"'], attackedAt: T, firstNewBehaviour: T + 234 }],
    tactics: ['reconnaissance', 'credential-access', 'initial-access', 'command-and-control', 'discovery', 'exfiltration'],
    alertIds: alerts.filter((a) => a.detector !== 'traffic_spike').map((a) => a.id), timeline: [], chain: [],
    graph: {
      nodes: [
        { id: ATTACKER, role: 'attacker', internal: false }, { id: VICTIM, role: 'pivot', internal: true, compromised: 0.96 },
        { id: C2, role: 'c2', internal: false }, { id: C2_NAME, role: 'c2', internal: false }, { id: '10.10.0.1 … 10.10.0.99', role: 'internal', internal: true },
      ],
      edges: [
        { src: ATTACKER, dst: VICTIM, kind: 'login', tactic: 'initial-access', first: T + 143, last: T + 143, count: 1, summary: 'login' },
        { src: VICTIM, dst: C2, kind: 'beacon', tactic: 'command-and-control', first: T + 234, last: T + 2575, count: 1, summary: 'beacon' },
        { src: VICTIM, dst: C2, kind: 'exfiltration', tactic: 'exfiltration', first: T + 234, last: T + 2575, count: 1, summary: 'upload' },
        { src: VICTIM, dst: '10.10.0.1 … 10.10.0.99', kind: 'port_scan', tactic: 'discovery', first: T + 1135, last: T + 1140, count: 1, summary: 'sweep' },
      ],
    },
  };
}

/** An analysis of the sample intrusion, plus (with `everything`) every other kind of finding. */
export function fixtureAnalysis(everything = false): Analysis {
  const intrusion = intrusionAlerts();
  const alerts = everything ? [...intrusion, ...otherAlerts()] : intrusion;
  return {
    format: 'tracer-analysis/1', tracerVersion: '0.1.0', parameters: { internalNets: ['10.0.0.0/8', '2001:db8:10::/48'] },
    inputs: [], window: { start: T, end: T + 3000 }, incidents: [intrusionIncident(intrusion)], alerts,
  };
}
