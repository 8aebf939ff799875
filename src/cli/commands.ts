import type { Command } from './command.js';

/**
 * Every sub-command, in the order `tracer help` lists them. Each lives in its
 * own file and is loaded only when run, so start-up stays fast.
 */
export const commands: Array<{ name: string; summary: string; load: () => Promise<Command> }> = [
  { name: 'analyze', summary: 'The main job: ingest, detect, match intel and correlate into incidents', load: async () => (await import('./analyze.js')).default },
  { name: 'report', summary: 'Write the incident report: self-contained HTML, Markdown with SVG charts, JSON, PDF', load: async () => (await import('./report.js')).default },
  { name: 'ingest', summary: 'Read captures into the store: connections and protocol logs', load: async () => (await import('./ingest.js')).default },
  { name: 'flows', summary: 'List connections from the store, filtered and sorted (table or --json)', load: async () => (await import('./flows.js')).default },
  { name: 'export', summary: 'Export a log stream as Zeek TSV/JSON, CSV, NDJSON or Parquet', load: async () => (await import('./export.js')).default },
  { name: 'filter', summary: 'Write the packets matching a tcpdump-style filter to a new capture', load: async () => (await import('./filter.js')).default },
  { name: 'host', summary: 'Trace host connections to process lineages; verifiable birth records', load: async () => (await import('./host.js')).default },
  { name: 'intel', summary: 'Threat intel: compile feeds, look up indicators, serve CyberTrace/KUMA enrichment', load: async () => (await import('./intel.js')).default },
  { name: 'mitigate', summary: 'Block rules, hardening and checks for what an analysis saw', load: async () => (await import('./mitigate.js')).default },
  { name: 'detect', summary: 'Run the detectors over the store and write the alerts table', load: async () => (await import('./detect.js')).default },
  { name: 'alerts', summary: 'List alerts from the store by severity (table or --json)', load: async () => (await import('./alerts.js')).default },
  { name: 'capture', summary: 'Capture live traffic (tcpdump/libpcap) to pcap/CSV and analyse it as it arrives', load: async () => (await import('./capture.js')).default },
  { name: 'case', summary: 'Document an attack path hop by hop (TRACER cases): interactive, scriptable, reports', load: async () => (await import('./case.js')).default },
  { name: 'serve', summary: 'Serve the dashboard (live capture or store) and the REST API on 127.0.0.1; other addresses need a token', load: async () => (await import('./serve.js')).default },
  { name: 'logs', summary: 'Read auth, journald, Windows, Suricata EVE and Zeek logs into the store', load: async () => (await import('./logs.js')).default },
];
