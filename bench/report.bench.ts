/**
 * The incident report for a big store: 1 M connections (plus 100 k DNS, HTTP and TLS rows)
 * and 10,000 alerts in 50 incidents, generated directly into an in-memory store. Measures
 * writing report.html, report.md (with SVG charts) and report.json, the HTML file's size,
 * and how long Chromium takes to open it until every chart and the graph are drawn.
 * Targets (issue 7): written in under 10 s, under 10 MB, open in under 3 s; exits 1 above any.
 * Run: `npx tsx bench/report.bench.ts [connections] [alerts]`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, Incident, TimelineEvent } from '../src/correlate/model.js';
import { makeAlert, SEVERITIES, type Alert } from '../src/detect/alert.js';
import { planMitigations } from '../src/mitigate/index.js';
import { collectReport, writeReportFiles } from '../src/report/index.js';
import { openReport } from '../src/report/testing/open-report.js';
import { openStore } from '../src/store/duckdb.js';
import { allSchemas } from '../src/store/schema/index.js';
import { launchChromium } from '../test/helpers/browser.js';

const TARGET_WRITE_SECONDS = 10;
const TARGET_MB = 10;
const TARGET_OPEN_SECONDS = 3;

const total = Number(process.argv[2] ?? 1_000_000);
const alertCount = Number(process.argv[3] ?? 10_000);
const T0 = 1_767_225_600;
const SPAN = 86_400;

const store = await openStore(':memory:');
for (const schema of allSchemas) await store.ensure(schema);
await store.run(`INSERT INTO conn (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, service, duration, orig_bytes, resp_bytes,
    conn_state, local_orig, local_resp, history, orig_pkts, orig_ip_bytes, resp_pkts, resp_ip_bytes, open_at_end)
  SELECT ${T0} + i * ${SPAN / total}, 'C' || i, '10.' || (hash(i, 1) % 8) || '.' || (hash(i, 2) % 250) || '.1', 1024 + hash(i, 3) % 60000,
    (hash(i, 5) % 200 + 11) || '.' || (hash(i, 6) % 250) || '.' || (hash(i, 7) % 250) || '.9',
    [80, 443, 53, 22, 25, 8080, 3389, 445][(hash(i, 8) % 8)::BIGINT + 1], CASE WHEN i % 5 = 0 THEN 'udp' ELSE 'tcp' END,
    ['http', 'ssl', 'dns', 'ssh', NULL][(hash(i, 9) % 5)::BIGINT + 1], (hash(i, 10) % 5000) / 100.0,
    hash(i, 11) % 5000, hash(i, 12) % 50000, CASE WHEN i % 13 = 0 THEN 'S0' ELSE 'SF' END, true, false, 'ShADadFf',
    5, 500 + hash(i, 11) % 5000, 5, 5000 + hash(i, 12) % 50000, false
  FROM range(${total}) t(i)`);
await store.run(`INSERT INTO dns (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, proto, query, qtype, rcode_name)
  SELECT ${T0} + i * ${SPAN * 10 / total}, 'D' || i, '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '10.0.0.53', 53, 'udp',
    'h' || (hash(i, 2) % 5000) || '.site' || (hash(i, 3) % 3000) || '.com', 1, CASE WHEN i % 7 = 0 THEN 'NXDOMAIN' ELSE 'NOERROR' END FROM range(${total / 10}) t(i)`);
await store.run(`INSERT INTO http (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, method, host, uri, user_agent, response_body_len)
  SELECT ${T0} + i * ${SPAN * 10 / total}, 'C' || (i * 3), '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '93.184.216.34', 80, 'GET',
    'www' || (hash(i, 2) % 2000) || '.example.com', '/page/' || (hash(i, 3) % 10000), 'agent/' || (hash(i, 4) % 300), hash(i, 5) % 100000 FROM range(${total / 10}) t(i)`);
await store.run(`INSERT INTO ssl (ts, uid, id_orig_h, id_orig_p, id_resp_h, id_resp_p, server_name)
  SELECT ${T0} + i * ${SPAN * 10 / total}, 'C' || (i * 7), '10.0.' || (hash(i, 1) % 250) || '.1', 40000, '93.184.216.' || (hash(i, 3) % 250), 443,
    'api' || (hash(i, 2) % 4000) || '.example.net' FROM range(${total / 10}) t(i)`);
await store.run(`INSERT INTO ingests (id, input, path, sha256, file_bytes, format, packets, first_ts, last_ts, tracer_version, finished)
  VALUES (1, 'big.pcap', 'cases/big.pcap', '${'ab'.repeat(32)}', 123456789012, 'pcap', 98765432, ${T0}, ${T0 + SPAN}, '0.1.0', '2026-01-02T00:00:00Z')`);

const DETECTORS = [
  { detector: 'port_scan', attack: { tactic: 'Discovery', techniqueId: 'T1046', technique: 'Network Service Discovery' }, tactic: 'reconnaissance' as const },
  { detector: 'brute_force', attack: { tactic: 'Credential Access', techniqueId: 'T1110', technique: 'Brute Force' }, tactic: 'credential-access' as const },
  { detector: 'beacon', attack: { tactic: 'Command and Control', techniqueId: 'T1071', technique: 'Application Layer Protocol' }, tactic: 'command-and-control' as const },
  { detector: 'exfiltration', attack: { tactic: 'Exfiltration', techniqueId: 'T1048', technique: 'Exfiltration Over Alternative Protocol' }, tactic: 'exfiltration' as const },
];
const alerts: Alert[] = Array.from({ length: alertCount }, (_, i) => {
  const d = DETECTORS[i % DETECTORS.length];
  const src = `203.0.${(i * 7) % 250}.${i % 250}`;
  return makeAlert({
    key: String(i), detector: d.detector, attack: d.attack, severity: SEVERITIES[i % 5], score: (i % 100) / 100,
    firstSeen: T0 + (i * SPAN) / alertCount, lastSeen: T0 + (i * SPAN) / alertCount + 120, src, dst: [`10.${i % 8}.${i % 250}.1`],
    explanation: `${src} made ${100 + (i % 900)} connections to 10.${i % 8}.${i % 250}.1:22 in 120 s; synthetic benchmark alert ${i}.`,
    evidence: { port: 22, connections: 100 + (i % 900), guesses: 50, uids: Array.from({ length: 20 }, (_, k) => `C${i}x${k}`) },
  });
});
const incidents: Incident[] = Array.from({ length: 50 }, (_, n) => {
  const own = alerts.filter((_, i) => i % 50 === n).slice(0, 200);
  const timeline: TimelineEvent[] = own.map((a, k) => ({
    ts: a.firstSeen, end: a.lastSeen, kind: 'alert', source: a.detector, tactic: DETECTORS[k % DETECTORS.length].tactic, severity: a.severity,
    src: a.src, dst: a.dst, summary: a.explanation, ref: { alertId: a.id },
  }));
  const hosts = [...new Set(own.flatMap((a) => [a.src, ...a.dst]))].slice(0, 40);
  return {
    id: `INC-${n}`, severity: 'high', start: own[0].firstSeen, end: own.at(-1)!.lastSeen, attackers: [own[0].src], pivots: [], victims: own[0].dst, c2: [],
    compromised: [], tactics: ['reconnaissance', 'credential-access'], alertIds: own.map((a) => a.id), timeline,
    graph: {
      nodes: hosts.map((id, k) => ({ id, role: k === 0 ? 'attacker' : id.startsWith('10.') ? 'victim' : 'external', internal: id.startsWith('10.') })),
      edges: own.slice(0, 39).map((a) => ({ src: a.src, dst: a.dst[0], kind: a.detector, tactic: 'credential-access', first: a.firstSeen, last: a.lastSeen, count: 1, summary: a.explanation })),
    },
    chain: own.slice(0, 5).map((a) => a.explanation),
  };
});
const analysis: Analysis = { format: 'tracer-analysis/1', tracerVersion: '0.1.0', parameters: {}, inputs: [], window: { start: T0, end: T0 + SPAN }, incidents, alerts };

const out = mkdtempSync(join(tmpdir(), 'tracer-report-bench-'));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const plan = planMitigations(analysis);
const t1 = performance.now();
const data = await collectReport(store, analysis, plan);
const t2 = performance.now();
const files = await writeReportFiles(data, out, ['html', 'md', 'json']);
const t3 = performance.now();
const writeSeconds = (t3 - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await store.close();
const mb = (f: string) => statSync(join(out, f)).size / 1e6;
const browser = await launchChromium();
const opened = await openReport(browser, join(out, 'report.html'));
const openSeconds = opened.loadMs / 1000;
await browser.close();
console.log(`report for ${total.toLocaleString('en-US')} connections and ${alertCount.toLocaleString('en-US')} alerts (${files.length} files), load average ${loadavg()[0].toFixed(1)}:`);
console.log(`  written in ${writeSeconds.toFixed(2)} s (target < ${TARGET_WRITE_SECONDS} s): mitigation plan ${((t1 - t0) / 1000).toFixed(2)} s, statistics ${((t2 - t1) / 1000).toFixed(2)} s, files ${((t3 - t2) / 1000).toFixed(2)} s; ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
console.log(`  report.html ${mb('report.html').toFixed(2)} MB (target < ${TARGET_MB} MB), report.json ${mb('report.json').toFixed(2)} MB, report.md ${mb('report.md').toFixed(2)} MB`);
console.log(`  opened in Chromium in ${openSeconds.toFixed(2)} s (target < ${TARGET_OPEN_SECONDS} s); console errors ${opened.errors.length}, requests ${opened.requests.length}`);
const htmlMb = mb('report.html');
if (process.env.REPORT_BENCH_KEEP) console.log(`  kept in ${out}`);
else rmSync(out, { recursive: true, force: true });
if (writeSeconds > TARGET_WRITE_SECONDS || htmlMb > TARGET_MB || openSeconds > TARGET_OPEN_SECONDS || opened.errors.length > 0) process.exitCode = 1;
