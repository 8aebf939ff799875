import { once } from 'node:events';
import { LiveCapture, type LiveCaptureReport } from '../capture/live.js';
import { engineCorrelator, engineDetector, LiveEventStream, type LiveEvent } from '../live/index.js';
import { escapeTerminal } from '../util/escape.js';
import { parseCaptureArgs } from './capture-args.js';
import type { Command } from './command.js';

const usage = `Usage: tracer capture -i IFACE [-f BPF | BPF…] [--protocol tcp,udp,icmp] [-w out.pcap]
         [--rotate 100MB|1h] [--csv meta.csv] [--duration S] [--count N] [--db PATH] [--ndjson]
         [-s SNAPLEN] [-B KiB]

Captures live traffic through tcpdump (libpcap: interfaces and BPF filters as
tcpdump knows them; needs root or CAP_NET_RAW+CAP_NET_ADMIN) and analyses it as
it arrives: connections and protocol logs go to the store (--db), stats ticks,
connection records, alerts and incidents to stdout as NDJSON (--ndjson). The
detectors run as records arrive (at most once a second) over the last 15
minutes of records; an alert is emitted
when it fires and again when its evidence grows ("revision"), and stored (--db);
each change re-correlates the incidents. At the end they run once more over the
whole store. To watch it in a browser: tracer serve --capture IFACE. Stops after
--duration seconds, --count packets, or Ctrl-C; then prints tcpdump's counters
(received by filter, dropped by kernel) and Tracer's own to stderr.

  -w FILE          write the kept packets as pcap; with --rotate a numbered series
                   FILE-00001.pcap, FILE-00002.pcap… by size (100MB) or packet time (1h)
  --csv FILE       one line per packet: ts,src_ip,src_port,dst_ip,dst_port,protocol,length
  --protocol LIST  keep only these protocols (after decoding): tcp, udp, icmp, icmp6, ip, ip6, arp
  -s, -B           tcpdump's snapshot length and kernel buffer size (KiB)

Examples:
  tracer capture -i eth0 -w incident.pcap --rotate 1GB --db case.duckdb
  tracer capture -i lo -f 'tcp and host 127.0.0.1' --duration 30 --csv meta.csv
  tracer capture -i eth0 --protocol udp,icmp --ndjson | jq 'select(.type == "alert")'`;

/** Writes each event as one JSON line, waiting when stdout is slow (the subscription's bounded queue absorbs bursts). */
export async function printNdjson(events: AsyncIterable<LiveEvent>): Promise<void> {
  for await (const ev of events) {
    if (!process.stdout.write(JSON.stringify(ev) + '\n')) await once(process.stdout, 'drain');
  }
}

/** The end-of-capture lines, in tcpdump's words for its own counters (also printed by `tracer serve --capture`). */
export function summaryLines(r: LiveCaptureReport): string[] {
  const lines: string[] = [];
  if (r.tcpdump) {
    lines.push(`${r.tcpdump.captured} packets captured`, `${r.tcpdump.receivedByFilter} packets received by filter`, `${r.tcpdump.droppedByKernel} packets dropped by kernel`);
    if (r.tcpdump.droppedByInterface > 0) lines.push(`${r.tcpdump.droppedByInterface} packets dropped by interface`);
  }
  const lost = r.tcpdump ? Math.max(0, r.tcpdump.captured - r.read) : 0;
  lines.push(`${r.read} packets read by Tracer, ${r.kept} kept, ${lost} dropped by Tracer, ${r.backpressureWaits} back-pressure pauses` +
    (r.streamProblems > 0 ? `, ${r.streamProblems} damaged spots in tcpdump's stream` : ''));
  const a = r.analysis;
  const records = Object.entries(a.records).map(([stream, n]) => `${stream} ${n}`).join(', ');
  lines.push(`${a.records.conn ?? 0} connections${records ? ` (records: ${records})` : ''}, ${a.alerts} alerts` +
    (a.eventsDropped > 0 ? `, ${a.eventsDropped} events dropped by slow subscribers` : '') +
    (a.flow.evicted > 0 ? `, ${a.flow.evicted} connections ended early (table full)` : '') +
    (a.windowDropped > 0 ? `, ${a.windowDropped} records left out of live detection (window full)` : ''));
  if (a.detectionErrors > 0) lines.push(`${a.detectionErrors} detection runs failed; first: ${escapeTerminal(a.firstDetectionError ?? '')}`);
  if (r.files.length > 0) lines.push(`pcap: ${r.files.map(escapeTerminal).join(', ')}`);
  return lines;
}

const command: Command = {
  name: 'capture',
  summary: 'Capture live traffic (tcpdump/libpcap) to pcap/CSV and analyse it as it arrives',
  usage,
  async run(argv) {
    const args = parseCaptureArgs(argv);
    const events = new LiveEventStream();
    const printing = args.ndjson ? printNdjson(events.subscribe()) : Promise.resolve();
    const capture = new LiveCapture({
      ...args.capture, events, detector: engineDetector, correlate: engineCorrelator,
      onListening: () => process.stderr.write(`tracer: capturing on ${escapeTerminal(args.capture.iface)}\n`),
    });
    const stop = (): void => capture.stop();
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      const report = await capture.run();
      await printing;
      process.stderr.write(summaryLines(report).join('\n') + '\n');
      return 0;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};

export default command;
