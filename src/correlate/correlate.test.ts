import { describe, expect, it } from 'vitest';
import { correlate } from './index.js';
import { alert, authLine, conn, evidenceStore, T0, TACTIC } from './testing/evidence.js';

const ATTACKER = '203.0.113.66';
const VICTIM = '10.10.0.10';
const C2 = '198.51.100.23';

/** Scan, guessing with an accepted login in auth.log, then beacon, sweep and upload from the victim. */
function intrusion() {
  const alerts = [
    alert({ detector: 'port_scan', src: ATTACKER, dst: [VICTIM], firstSeen: T0, attack: TACTIC.scan, evidence: { kind: 'vertical', scan_type: 'SYN', ports: 1000, probes: 1000, open_ports: [22] } }),
    alert({ detector: 'brute_force', src: ATTACKER, dst: [VICTIM], firstSeen: T0 + 100, attack: TACTIC.brute, evidence: { guesses: 40, port: 22 } }),
    alert({ detector: 'beacon', src: VICTIM, dst: [C2], firstSeen: T0 + 400, lastSeen: T0 + 3000, severity: 'low', attack: TACTIC.beacon, evidence: { median_interval: 60, connections: 40, uids: ['CB1'] } }),
    alert({ detector: 'port_scan', src: VICTIM, dst: ['10.10.0.1 … 10.10.0.99'], firstSeen: T0 + 1200, evidence: { kind: 'horizontal', hosts: 99, ports: 1, probes: 99 } }),
    alert({ detector: 'exfiltration', src: VICTIM, dst: [C2], firstSeen: T0 + 2000, attack: TACTIC.exfil, evidence: { bytes_out: 5e6, connections: 1 } }),
  ];
  const records = {
    conn: [
      conn({ ts: T0 + 180, uid: 'CSSH', id_orig_h: ATTACKER, id_orig_p: 50052, id_resp_h: VICTIM, id_resp_p: 22, duration: 600, local_orig: false }),
      conn({ ts: T0 + 400, uid: 'CB1', id_orig_h: VICTIM, id_orig_p: 40000, id_resp_h: C2, id_resp_p: 80, local_resp: false }),
    ],
    auth: [
      ...Array.from({ length: 12 }, (_, i) => authLine({ ts: T0 + 100 + i, event: 'failed_password', src_ip: ATTACKER, src_port: 50000 + i, user: i % 2 ? 'root' : 'admin', source_line: i + 1 })),
      authLine({ ts: T0 + 181, event: 'accepted_password', src_ip: ATTACKER, src_port: 50052, source_line: 13 }),
    ],
    host_conns: [{
      ts: T0 + 401, prev_poll: T0 + 399, proto: 'tcp', local_h: VICTIM, local_p: 40000, remote_p: 80, remote_net: '198.51.100.0/24', pid: 4242,
      name: 'curl', exe: '/usr/bin/curl', user: 'admin', ancestry: ['4242:curl:9', '4100:bash:8', '4000:sshd:7', '1:systemd:1'], direction: 'out',
    }],
  };
  return { alerts, records };
}

describe('correlate', () => {
  it('tells one incident: attacker, compromised victim turned pivot, C2, the chain in order', async () => {
    const { alerts, records } = intrusion();
    const store = await evidenceStore(alerts, records);
    const analysis = await correlate(store);
    await store.close();
    expect(analysis.incidents).toHaveLength(1);
    const [incident] = analysis.incidents;
    expect(incident).toMatchObject({ severity: 'critical', attackers: [ATTACKER], pivots: [VICTIM], victims: [VICTIM], c2: [C2] });
    expect(incident.compromised.map((c) => c.host)).toEqual([VICTIM]);
    expect(incident.compromised[0].score).toBeGreaterThan(0.9);
    expect(incident.compromised[0].reasons[0]).toMatch(/accepted password for "admin" from 203\.0\.113\.66/);
    expect(incident.tactics).toEqual(['reconnaissance', 'initial-access', 'credential-access', 'execution', 'discovery', 'command-and-control', 'exfiltration']);
    const roles = Object.fromEntries(incident.graph.nodes.map((n) => [n.id, n.role]));
    expect(roles).toMatchObject({ [ATTACKER]: 'attacker', [VICTIM]: 'pivot', [C2]: 'c2', '10.10.0.1 … 10.10.0.99': 'internal' });
    expect(incident.graph.edges.map((e) => `${e.src}>${e.dst}:${e.kind}`)).toContain(`${ATTACKER}>${VICTIM}:login`);
    expect(incident.chain[0]).toMatch(/^At 2026-01-01 00:00:00 UTC, 203\.0\.113\.66 scanned 10\.10\.0\.10 on 1,000 ports/);
    expect(incident.chain.findIndex((s) => /accepted password/.test(s))).toBeLessThan(incident.chain.findIndex((s) => /beaconing/.test(s)));
    expect(incident.chain.join('\n')).toMatch(/process curl \(pid 4242\) \(systemd → sshd → bash → curl\) as admin opened the connection to 198\.51\.100\.23:80/);
    expect(incident.chain.at(-1)).toMatch(/^10\.10\.0\.10 is compromised \(score 0\.9\d\)/);
  });

  it('resolves the logging host to the server address through the login connection', async () => {
    const { alerts, records } = intrusion();
    const store = await evidenceStore(alerts, records);
    const [incident] = (await correlate(store)).incidents;
    await store.close();
    const login = incident.timeline.find((e) => e.source === 'auth')!;
    expect(login).toMatchObject({ src: ATTACKER, dst: [VICTIM], tactic: 'initial-access', severity: 'high', ref: { file: 'auth.log', line: 13, uids: ['CSSH'] } });
  });

  it('does not call a scanned host compromised when it shows nothing new', async () => {
    const { alerts } = intrusion();
    const store = await evidenceStore(alerts.slice(0, 2));
    const analysis = await correlate(store);
    await store.close();
    expect(analysis.incidents).toHaveLength(1);
    expect(analysis.incidents[0]).toMatchObject({ severity: 'high', attackers: [ATTACKER], victims: [VICTIM], compromised: [], pivots: [] });
  });

  it('keeps separate incidents for unrelated actors and for one host a week apart', async () => {
    const week = 7 * 86_400;
    const store = await evidenceStore([
      alert({ detector: 'port_scan', src: ATTACKER, dst: [VICTIM], firstSeen: T0 }),
      alert({ detector: 'port_scan', src: '192.0.2.7', dst: ['10.10.0.20'], firstSeen: T0 + 10 }),
      alert({ detector: 'port_scan', src: ATTACKER, dst: [VICTIM], firstSeen: T0 + week }),
    ]);
    const analysis = await correlate(store);
    await store.close();
    expect(analysis.incidents.map((i) => `${i.attackers[0]}@${i.start - T0}`).sort()).toEqual([`192.0.2.7@10`, `${ATTACKER}@0`, `${ATTACKER}@${week}`]);
  });

  it('joins two intrusions that won the same account on different servers', async () => {
    const guessing = (src: string, dst: string, host: string, base: number) => ({
      alert: alert({ detector: 'auth_guessing', src, dst: [dst], firstSeen: T0 + base, attack: TACTIC.brute, evidence: { host } }),
      lines: [
        ...Array.from({ length: 3 }, (_, i) => authLine({ ts: T0 + base + i, host, event: 'failed_password', src_ip: src, src_port: 40_000 + i, user: 'svc' })),
        authLine({ ts: T0 + base + 10, host, event: 'accepted_password', src_ip: src, src_port: 40_010, user: 'svc' }),
      ],
    });
    const a = guessing('192.0.2.10', 'web01', 'web01', 0);
    const b = guessing('198.18.0.20', 'db01', 'db01', 3600);
    const store = await evidenceStore([a.alert, b.alert], { auth: [...a.lines, ...b.lines] });
    const { incidents } = await correlate(store);
    await store.close();
    expect(incidents).toHaveLength(1);
    expect(incidents[0].attackers.sort()).toEqual(['192.0.2.10', '198.18.0.20']);
    expect(incidents[0].compromised.map((c) => c.host).sort()).toEqual(['db01', 'web01']);
  });

  it('gives the same analysis for the same store', async () => {
    const { alerts, records } = intrusion();
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const store = await evidenceStore(alerts, records);
      runs.push(JSON.stringify(await correlate(store)));
      await store.close();
    }
    expect(runs[0]).toEqual(runs[1]);
  });
});
