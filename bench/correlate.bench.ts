/**
 * Correlation at scale: 1 M stored connections (bench/synthetic-store.ts) and 10,000 alerts —
 * 2,500 intrusions of four steps each (an outside scan, password guessing, then the victim
 * beaconing and sending data out) against 2,000 internal hosts — plus 50,000 auth.log lines.
 * Prints the seconds `correlate` takes and what it found. Run: `npx tsx bench/correlate.bench.ts [connections] [alerts]`.
 */
import { correlate } from '../src/correlate/index.js';
import { makeAlert, type Alert } from '../src/detect/alert.js';
import { alertRecord } from '../src/detect/run.js';
import { alertsSchema } from '../src/store/schema/alerts.js';
import { authSchema } from '../src/store/schema/auth.js';
import { syntheticStore } from './synthetic-store.js';

const total = Number(process.argv[2] ?? 1_000_000);
const alertCount = Number(process.argv[3] ?? 10_000);
const T0 = 1_767_225_600;

const STEPS = [
  { detector: 'port_scan', tactic: 'Discovery', techniqueId: 'T1046', technique: 'Network Service Discovery', outward: false },
  { detector: 'brute_force', tactic: 'Credential Access', techniqueId: 'T1110', technique: 'Brute Force', outward: false },
  { detector: 'beacon', tactic: 'Command and Control', techniqueId: 'T1071', technique: 'Application Layer Protocol', outward: true },
  { detector: 'exfiltration', tactic: 'Exfiltration', techniqueId: 'T1048', technique: 'Exfiltration Over Alternative Protocol', outward: true },
];

const store = await syntheticStore(total);
const alerts: Alert[] = Array.from({ length: alertCount }, (_, i) => {
  const intrusion = Math.floor(i / STEPS.length);
  const step = STEPS[i % STEPS.length];
  const attacker = `203.0.${intrusion % 250}.${(intrusion * 7) % 250}`;
  const victim = `10.${intrusion % 8}.${(intrusion * 3) % 250}.1`;
  const at = T0 + intrusion * 30 + (i % STEPS.length) * 600;
  return makeAlert({
    key: String(i), detector: step.detector, attack: { tactic: step.tactic, techniqueId: step.techniqueId, technique: step.technique },
    severity: 'high', score: 0.9, firstSeen: at, lastSeen: at + 300, src: step.outward ? victim : attacker, dst: [step.outward ? `198.51.100.${intrusion % 250}` : victim],
    explanation: `synthetic ${step.detector} ${i}`, evidence: { uids: Array.from({ length: 20 }, (_, k) => `C${(i * 20 + k) % total}`) },
  });
});
const alertWriter = store.writer(alertsSchema);
for (const a of alerts) alertWriter.append(alertRecord(a));
alertWriter.flush();
const authWriter = store.writer(authSchema);
for (let i = 0; i < 50_000; i++) {
  const intrusion = i % Math.ceil(alertCount / STEPS.length);
  authWriter.append({
    ts: T0 + intrusion * 30 + 600 + (i % 20), host: `host${intrusion % 2000}`, service: 'sshd', pid: 100, event: i % 20 === 19 ? 'accepted_password' : 'failed_password',
    user: 'root', invalid_user: false, src_ip: `203.0.${intrusion % 250}.${(intrusion * 7) % 250}`, src_port: 40_000 + (i % 20000), method: 'password',
    logon_type: null, count: 1, raw_line: '', source_file: 'auth.log', source_line: i + 1,
  });
}
authWriter.flush();

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const analysis = await correlate(store);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const compromised = analysis.incidents.reduce((n, i) => n + i.compromised.length, 0);
console.log(`correlate over ${total} connections and ${alerts.length} alerts: ${wall.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; `
  + `${analysis.incidents.length} incidents, ${compromised} compromised hosts, ${JSON.stringify(analysis).length / 1e6} MB of analysis JSON`);
await store.close();
