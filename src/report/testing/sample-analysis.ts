import type { Analysis, TimelineEvent } from '../../correlate/model.js';
import type { MitigationPlan } from '../../mitigate/model.js';
import type { ReportInput } from '../model.js';
import { SAMPLE_ALERTS } from './sample-alerts.js';

/** The bundled sample's attacker, victim and command-and-control server. */
export const ATTACKER = '203.0.113.66';
export const VICTIM = '10.10.0.10';
export const C2 = '198.51.100.23';
export const C2_NAME = 'update-check.example-cdn.net';

const T = 1_795_168_865; // 2026-11-20T10:01:05Z, the first scan probe

function ev(over: Partial<TimelineEvent> & Pick<TimelineEvent, 'ts' | 'tactic' | 'source' | 'summary'>): TimelineEvent {
  return { end: over.ts, kind: 'alert', severity: 'high', src: ATTACKER, dst: [VICTIM], ref: {}, ...over };
}

const timeline: TimelineEvent[] = [
  ev({ ts: T, end: T + 4, tactic: 'reconnaissance', source: 'port_scan', summary: `${ATTACKER} scanned 1,000 ports on ${VICTIM}; 22 and 80 open.`, ref: { alertId: '46f07d424decf695542b' } }),
  ev({ ts: T + 55, end: T + 143.4, tactic: 'credential-access', source: 'brute_force', summary: `${ATTACKER} made 53 SSH password guesses against ${VICTIM}.`, ref: { alertId: 'df9a1f5e3179080597d9' } }),
  ev({ ts: T + 143, kind: 'auth', tactic: 'initial-access', source: 'auth', severity: 'critical', summary: `sshd on ${VICTIM} accepted the password for admin from ${ATTACKER}.`, ref: { file: 'samples/auth.log', line: 53 } }),
  ev({ ts: T + 234.26, end: T + 2575, tactic: 'command-and-control', source: 'beacon', severity: 'low', src: VICTIM, dst: [C2], summary: `${VICTIM} contacted ${C2} 41 times every ~60 s.`, ref: { alertId: 'c95a04c45b8518c8ff2c' } }),
  ev({ ts: T + 234.38, end: T + 2575, tactic: 'command-and-control', source: 'beacon', severity: 'low', src: VICTIM, dst: [C2_NAME], summary: `${VICTIM} contacted ${C2_NAME} 41 times every ~60 s.`, ref: { alertId: 'a89f047f09575c8a3ea2' } }),
  ev({ ts: T + 1135, end: T + 1140, tactic: 'discovery', source: 'port_scan', src: VICTIM, dst: ['10.10.0.1 … 10.10.0.99'], summary: `${VICTIM} scanned 253 hosts of 10.10.0.0/24 on port 445.`, ref: { alertId: '96d0ad38f3ea14d5f426' } }),
  ev({ ts: T + 1735, end: T + 1800, tactic: 'exfiltration', source: 'exfiltration', src: VICTIM, dst: [C2], summary: `${VICTIM} sent 4.0 MB to ${C2}.`, ref: { alertId: 'b66877f1156efd201a79' } }),
];

/** An analysis of the bundled sample as `correlate` describes it: one incident, from scan to upload. */
export function sampleAnalysis(): Analysis {
  return {
    format: 'tracer-analysis/1',
    tracerVersion: '0.1.0',
    parameters: { internal: ['10.0.0.0/8'], window_gap_seconds: 3600 },
    inputs: [{ path: 'samples/intrusion.pcap.gz', kind: 'capture', sha256: 'a'.repeat(64), bytes: 1_234_567 }],
    window: { start: T - 60, end: T + 3000 },
    incidents: [{
      id: 'INC-1', severity: 'critical', start: T, end: T + 2575,
      attackers: [ATTACKER], pivots: [VICTIM], victims: [VICTIM], c2: [C2, C2_NAME],
      compromised: [{ host: VICTIM, score: 0.95, attackedAt: T + 55, firstNewBehaviour: T + 234.26,
        reasons: [`A brute force from ${ATTACKER} ended in an accepted SSH login.`, `It then beaconed to ${C2} every 60 s and uploaded 4.0 MB.`] }],
      tactics: ['reconnaissance', 'credential-access', 'initial-access', 'command-and-control', 'discovery', 'exfiltration'],
      alertIds: SAMPLE_ALERTS.filter((a) => a.detector !== 'traffic_spike').map((a) => a.id),
      timeline,
      graph: {
        nodes: [
          { id: ATTACKER, role: 'attacker', internal: false },
          { id: VICTIM, role: 'victim', internal: true, compromised: 0.95 },
          { id: C2, role: 'c2', internal: false },
          { id: C2_NAME, role: 'c2', internal: false },
          { id: '10.10.0.1 … 10.10.0.99', role: 'internal', internal: true },
        ],
        edges: [
          { src: ATTACKER, dst: VICTIM, kind: 'port_scan', tactic: 'reconnaissance', first: T, last: T + 4, count: 1000, summary: '1,000 ports scanned' },
          { src: ATTACKER, dst: VICTIM, kind: 'brute_force', tactic: 'credential-access', first: T + 55, last: T + 143, count: 53, summary: '53 SSH guesses, one accepted' },
          { src: VICTIM, dst: C2, kind: 'beacon', tactic: 'command-and-control', first: T + 234, last: T + 2575, count: 41, summary: 'every ~60 s' },
          { src: VICTIM, dst: C2_NAME, kind: 'beacon', tactic: 'command-and-control', first: T + 234, last: T + 2575, count: 41, summary: 'every ~60 s' },
          { src: VICTIM, dst: '10.10.0.1 … 10.10.0.99', kind: 'port_scan', tactic: 'discovery', first: T + 1135, last: T + 1140, count: 253, summary: '253 hosts on 445' },
          { src: VICTIM, dst: C2, kind: 'exfiltration', tactic: 'exfiltration', first: T + 1735, last: T + 1800, count: 2, summary: '4.0 MB uploaded' },
        ],
      },
      chain: [
        `10:01:05 UTC — ${ATTACKER} scanned 1,000 ports on ${VICTIM} and found SSH (22) and HTTP (80) open.`,
        `10:02:00 — it made 53 SSH password guesses; at 10:03:28 sshd accepted the password for admin.`,
        `10:04:59 — ${VICTIM} began contacting ${C2} (${C2_NAME}) every 60 s: command and control.`,
        `10:20:00 — ${VICTIM} scanned 253 hosts of its own subnet on port 445.`,
        `10:30:00 — ${VICTIM} uploaded 4.0 MB to ${C2}.`,
      ],
    }],
    alerts: SAMPLE_ALERTS,
  };
}

/** A mitigation plan for the sample as `planMitigations` writes one. */
export function samplePlan(): MitigationPlan {
  return {
    blockAddresses: [C2, ATTACKER],
    blockDomains: [C2_NAME],
    mitigations: [{
      id: 'M1', priority: 'immediate', title: `Block the attacker ${ATTACKER} and the C2 server ${C2}`,
      why: `${ATTACKER} brute-forced SSH on ${VICTIM}; ${VICTIM} then beaconed to ${C2} and uploaded 4.0 MB.`,
      refs: ['INC-1', 'df9a1f5e3179080597d9', 'c95a04c45b8518c8ff2c'],
      rules: [
        { target: 'iptables', title: 'Drop traffic to and from the attacker and the C2 server', text: `iptables -I INPUT -s ${ATTACKER} -j DROP\niptables -I FORWARD -d ${C2} -j DROP` },
        { target: 'nftables', title: 'Drop traffic to and from the attacker and the C2 server', text: `nft add rule inet filter input ip saddr ${ATTACKER} drop\nnft add rule inet filter forward ip daddr ${C2} drop` },
        { target: 'cisco-asa', title: 'Outside ACL entries', text: `access-list OUTSIDE_IN extended deny ip host ${ATTACKER} any\naccess-list INSIDE_OUT extended deny ip any host ${C2}` },
        { target: 'suricata', title: 'Alert and drop C2 contact', text: `drop ip $HOME_NET any -> ${C2} any (msg:"Tracer: C2 ${C2}"; sid:9000001; rev:1;)` },
        { target: 'zeek-intel', title: 'Zeek intel file', text: `#fields\tindicator\tindicator_type\tmeta.source\n${C2}\tIntel::ADDR\ttracer\n${C2_NAME}\tIntel::DOMAIN\ttracer` },
        { target: 'dns-sinkhole', title: 'Sinkhole the C2 name', text: `${C2_NAME}` },
      ],
      hardening: [],
      validation: [`From ${VICTIM}: curl -m 5 http://${C2}/ must time out.`],
    }, {
      id: 'M2', priority: 'short-term', title: `Disable SSH password authentication on ${VICTIM}`,
      why: '53 guesses from the internet reached sshd and one was accepted.', refs: ['df9a1f5e3179080597d9'], rules: [],
      hardening: ['Set PasswordAuthentication no in /etc/ssh/sshd_config and reload sshd.', 'Rate-limit new SSH connections (e.g. 4 per minute per source).'],
      validation: [`ssh -o PreferredAuthentications=password admin@${VICTIM} must be refused.`],
    }, {
      id: 'M3', priority: 'long-term', title: 'Segment 10.10.0.0/24',
      why: `${VICTIM} could reach 253 hosts on port 445.`, refs: ['96d0ad38f3ea14d5f426'], rules: [],
      hardening: ['Allow SMB (445) only from file-server clients that need it.'],
      validation: [`nmap -Pn -p 445 10.10.0.0/24 from ${VICTIM} must show every port filtered.`],
    }],
  };
}

/** A report input from the sample analysis with empty store statistics. */
export function sampleInput(over: Partial<ReportInput> = {}): ReportInput {
  return {
    analysis: sampleAnalysis(), plan: samplePlan(),
    traffic: { span: null, bucketSeconds: 1, buckets: [], series: [], intrusions: [], phases: [], totals: { connections: 0, packets: 0, bytes: 0, hosts: 0 } },
    tops: [], custody: { inputs: [], reportVersion: '0.1.0', analysisVersion: '0.1.0', generatedAt: '2026-11-23T00:00:00.000Z', parameters: {}, store: null },
    ...over,
  };
}
