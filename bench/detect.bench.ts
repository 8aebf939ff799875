/**
 * All detectors over 1 M stored connections (plus 100 k DNS and HTTP rows), generated
 * directly into an in-memory store: a mix of 2,000 internal hosts talking to 50,000
 * external peers on common ports, with scans, failed and long connections sprinkled in.
 * Prints seconds per detector and in total; exits 1 above the 5 s target (issue 4).
 * Run: `npx tsx bench/detect.bench.ts [connections]`.
 */
import { runDetectors } from '../src/detect/index.js';
import { syntheticStore } from './synthetic-store.js';

/** Seconds all detectors may take over 1 M connections (issue 4). */
const TARGET_SECONDS = 5;

const total = Number(process.argv[2] ?? 1_000_000);
const store = await syntheticStore(total);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await runDetectors(store);
const wall = (performance.now() - t0) / 1000;
const used = process.cpuUsage(cpu0);
for (const [name, s] of Object.entries(report.timings)) console.log(`${name.padEnd(20)} ${s.toFixed(2)} s, ${report.alerts.filter((a) => a.detector === name).length} alerts`);
console.log(`all detectors over ${total} connections: ${wall.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${report.alerts.length} alerts`);
await store.close();
if (wall > TARGET_SECONDS) process.exitCode = 1;
