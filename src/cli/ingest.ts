import { parseArgs } from 'node:util';
import { ingest, type IngestReport } from '../pipeline/ingest.js';
import { defaultWorkers, ingestParallel } from '../pipeline/parallel-ingest.js';
import { formatLineProblem } from '../logs/problems.js';
import { displayStore, storeSpec } from '../store/clickhouse/open.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError, type Command } from './command.js';
import { captureProblemPrinter, positiveNumber } from './ingest-options.js';
import { ProgressBar } from './progress.js';

const usage = `Usage: tracer ingest [options] <capture…>

Reads pcap/pcapng files (gzip too; "-" for stdin), decodes every packet,
builds Zeek-style connection records and protocol logs, and stores them in
the embedded DuckDB database. Files given together are one capture.
Logs are read too, recognised by content: OpenSSH auth.log/syslog, journald
JSON, Windows Security/Sysmon JSON, Suricata EVE, Zeek TSV/JSON logs.

Options:
  --db PATH            database file (default ./tracer.duckdb, or $TRACER_STORE)
  --store URL          a DuckDB file or clickhouse://HOST:PORT/DB (the database is created)
  --workers N          read N files at once, each as its own capture (default 1;
                       "auto": one per core); records go to the store from one writer
  --no-app             connection records only (skip DNS/HTTP/TLS/SSH/FTP)
  --tcp-timeout S      TCP inactivity timeout, seconds (default 300)
  --udp-timeout S      UDP inactivity timeout, seconds (default 60)
  --icmp-timeout S     ICMP inactivity timeout, seconds (default 60)
  --max-conns N        connection-table budget; the oldest are evicted and counted
  --local-nets CIDRS   comma-separated local networks (default: private ranges)
  --vlan-keys          keep the same 5-tuple on different VLANs apart (overlapping
                       address spaces); by default VLANs are ignored, as Zeek does
  --force              ingest a file again although the store already holds it
  --tz ZONE            zone of log times that carry none (UTC, +02:00, Europe/Paris; default UTC)
  --year N             year of syslog lines without one (default: from the file's date)
  --json               print the report as JSON
  --quiet              no progress display and no summary

Exit status: 0 when every input was read cleanly; 1 when an input was damaged
or unreadable (everything readable was still stored, and each problem printed).

Examples:
  tracer ingest capture.pcapng
  tracer ingest --db case42.duckdb day1.pcap.gz day2.pcap.gz
  tracer ingest --store clickhouse://127.0.0.1:8123/case42 day1.pcap.gz
  tracer ingest --workers auto sensor-*/capture.pcap.gz
  tracer ingest --db case42.duckdb --year 2026 capture.pcap /var/log/auth.log eve.json conn.log
  tcpdump -r big.pcap -w - 'port 53' | tracer ingest -`;

const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Read captures into the store: connections and protocol logs',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        db: { type: 'string' }, store: { type: 'string' }, workers: { type: 'string' }, 'no-app': { type: 'boolean', default: false },
        'tcp-timeout': { type: 'string' }, 'udp-timeout': { type: 'string' }, 'icmp-timeout': { type: 'string' },
        'max-conns': { type: 'string' }, 'local-nets': { type: 'string' }, 'vlan-keys': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false }, tz: { type: 'string' }, year: { type: 'string' }, quiet: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) throw new UsageError('ingest needs at least one capture file (or - for stdin)');
    const progress = new ProgressBar(process.stderr, !values.quiet && !values.json && Boolean(process.stderr.isTTY));
    const db = storeSpec(values);
    const workers = values.workers === undefined ? 1 : values.workers === 'auto' ? defaultWorkers() : positiveNumber(values.workers, '--workers');
    if (!Number.isInteger(workers)) throw new UsageError(`--workers needs a whole number or "auto", got "${values.workers}"`);
    const run = workers > 1 ? (o: Parameters<typeof ingest>[0]) => ingestParallel({ ...o, workers }) : ingest;
    const report = await run({
      dbPath: db, inputs: positionals, appLayer: !values['no-app'], force: values.force,
      flow: {
        ...(values['tcp-timeout'] && { tcpInactivity: positiveNumber(values['tcp-timeout'], '--tcp-timeout') }),
        ...(values['udp-timeout'] && { udpInactivity: positiveNumber(values['udp-timeout'], '--udp-timeout') }),
        ...(values['icmp-timeout'] && { icmpInactivity: positiveNumber(values['icmp-timeout'], '--icmp-timeout') }),
        ...(values['max-conns'] && { maxConnections: positiveNumber(values['max-conns'], '--max-conns') }),
        ...(values['local-nets'] && { localNets: values['local-nets'].split(',').map((s) => s.trim()) }),
        ...(values['vlan-keys'] && { vlanKeys: true }),
      },
      onProgress: (input, done, total, packets) => progress.update(input, done, total, packets),
      onProblem: captureProblemPrinter(),
      onLogProblem: (input, p) => process.stderr.write(`tracer: ${formatLineProblem(input, p)}\n`),
      tz: values.tz,
      ...(values.year && { year: positiveNumber(values.year, '--year') }),
    });
    progress.done();
    if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else if (!values.quiet) process.stdout.write(summary(report, displayStore(db)));
    return report.inputs.some((i) => i.error || i.problems > 0) ? 1 : 0;
  },
};

export default ingestCommand;

function summary(r: IngestReport, db: string): string {
  const lines: string[] = [];
  for (const i of r.inputs) {
    if (i.error) { lines.push(`${escapeTerminal(i.path)}: not read: ${escapeTerminal(i.error)}`); continue; }
    const anomalies = Object.values(i.anomalies).reduce((a, b) => a + b, 0);
    if (i.kind === 'log') {
      lines.push(`${escapeTerminal(i.path)}: ${i.format} log, ${(i.lines ?? 0).toLocaleString('en-US')} lines, sha256 ${i.sha256}` + (i.problems ? `, ${i.problems} unparseable` : ''));
      continue;
    }
    lines.push(`${escapeTerminal(i.path)}: ${i.packets.toLocaleString('en-US')} packets, ${(i.fileBytes / 1e6).toFixed(1)} MB, sha256 ${i.sha256}` +
      (i.problems ? `, ${i.problems} damaged spot(s)` : '') + (i.truncated ? ', truncated' : '') + (anomalies ? `, ${anomalies} anomalies` : ''));
  }
  const streams = Object.entries(r.records).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
  lines.push(`stored in ${escapeTerminal(db)}: ${streams || 'nothing'} (${r.seconds.toFixed(2)} s)`);
  if (r.reassembly && r.reassembly.gaps > 0) lines.push(`TCP content gaps: ${r.reassembly.gaps} (${r.reassembly.gapBytes.toLocaleString('en-US')} bytes missing from the capture)`);
  if (r.reassembly && r.reassembly.droppedSegments > 0) lines.push(`warning: ${r.reassembly.droppedSegments} TCP segments not reassembled (memory budget reached)`);
  if (r.flow.evicted > 0) lines.push(`warning: ${r.flow.evicted} connections evicted early (table budget reached); raise --max-conns`);
  return lines.join('\n') + '\n';
}
