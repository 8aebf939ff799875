import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LiveCapture } from '../src/capture/live.js';
import { engineCorrelator, engineDetector, LiveEventStream } from '../src/live/index.js';
import { writeFrame, type Endpoint } from '../src/synth/frame-builder.js';
import { PcapFileWriter } from '../src/synth/pcap-file-writer.js';
import { table } from './measure.js';

/**
 * The ceiling of Tracer's side of a live capture, without the load generator
 * in the way: `tsx bench/live-replay.bench.ts [--packets 2000000] [--flows 4096] [--db]`.
 * A pcap of small UDP frames over --flows flows (plus a 1,000-port SYN/RST
 * scan, so the detectors have something to find) stamped from now on, is
 * handed to LiveCapture by a stand-in for tcpdump that writes it to its stdout
 * at pipe speed, so everything after libpcap runs as in `tracer capture`:
 * reading, decoding, flows, stats, the detection window with the detectors
 * as records arrive and correlation. Prints packets/s, CPU, peak memory, alerts, and
 * every place Tracer could drop (window, subscribers, flow-table evictions).
 * bench/live.bench.ts measures the same through real tcpdump on loopback,
 * where the senders are the limit on a small machine.
 */
const { values } = parseArgs({ options: {
  packets: { type: 'string', default: '2000000' }, flows: { type: 'string', default: '4096' }, db: { type: 'boolean', default: false },
} });
const PACKETS = Number(values.packets);
const FLOWS = Number(values.flows);
/** Ports the scan in the replay probes (each SYN answered by RST). */
const SCAN_PORTS = 1000;
/** Spacing of the replay's timestamps: one packet a microsecond of packet time. */
const STEP_MICROS = 1;

function endpoint(ip: number[], port: number): Endpoint {
  return { ip: Uint8Array.from(ip), mac: Uint8Array.from([2, 0, 0, 0, 0, ip[3]]), port };
}

/** Writes the replay capture: the scan first, then the UDP flows round robin. */
function writeReplay(path: string): void {
  const out = new PcapFileWriter(path);
  let ts = Date.now() * 1000;
  const scanner = endpoint([10, 0, 0, 66], 40_000);
  const target = endpoint([10, 0, 0, 10], 0);
  for (let p = 1; p <= SCAN_PORTS; p++) {
    target.port = p;
    let { buf, offset } = out.reserve(128);
    out.commit(ts += STEP_MICROS, writeFrame(buf, offset, { src: scanner, dst: target, proto: 6, tcpFlags: 0x02, seq: p, payload: new Uint8Array(0) }));
    ({ buf, offset } = out.reserve(128));
    out.commit(ts += STEP_MICROS, writeFrame(buf, offset, { src: target, dst: scanner, proto: 6, tcpFlags: 0x14, ack: p + 1, payload: new Uint8Array(0) }));
  }
  const payload = new Uint8Array(18).fill(0x61);
  const dst = endpoint([10, 1, 0, 1], 45_999);
  const sources = Array.from({ length: FLOWS }, (_, i) => endpoint([10, 2, (i >> 8) & 255, i & 255], 20_000 + (i % 40_000)));
  for (let i = 0; i < PACKETS - 2 * SCAN_PORTS; i++) {
    const { buf, offset } = out.reserve(128);
    out.commit(ts += STEP_MICROS, writeFrame(buf, offset, { src: sources[i % FLOWS], dst, proto: 17, payload }));
  }
  out.close();
}

const dir = mkdtempSync(join(tmpdir(), 'tracer-live-replay-'));
const pcap = join(dir, 'replay.pcap');
writeReplay(pcap);
const fakeTcpdump = join(dir, 'tcpdump');
writeFileSync(fakeTcpdump, `#!/bin/sh\necho "listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes" >&2\ncat "${pcap}"\n` +
  `printf '%s\\n' "${PACKETS} packets captured" "${PACKETS} packets received by filter" "0 packets dropped by kernel" >&2\n`);
chmodSync(fakeTcpdump, 0o755);

const events = new LiveEventStream();
let alerts = 0, incidents = 0;
const counting = (async () => { for await (const ev of events.subscribe()) { if (ev.type === 'alert' && ev.revision === 1) alerts++; if (ev.type === 'incidents') incidents = ev.incidents.length; } })();
const capture = new LiveCapture({
  iface: 'lo', program: fakeTcpdump, events, detector: engineDetector, correlate: engineCorrelator, dbPath: values.db ? join(dir, 'replay.duckdb') : undefined,
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await capture.run();
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await counting;
rmSync(dir, { recursive: true, force: true });
const a = report.analysis;
process.stdout.write(table([
  ['packets', 'flows', 'store', 'seconds', 'packets/s', 'CPU (cores)', 'peak RSS MB', 'Tracer drops', 'window drops', 'event drops', 'evicted', 'alerts', 'incidents', 'detection errors'],
  [report.read, FLOWS, values.db ? 'duckdb' : 'none', seconds.toFixed(2), Math.round(report.read / seconds), ((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2),
    Math.round(process.resourceUsage().maxRSS / 1024), PACKETS - report.read, a.windowDropped, a.eventsDropped, a.flow.evicted, alerts, incidents, a.detectionErrors],
]) + '\n');
