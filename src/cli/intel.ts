import { UsageError, type Command } from './command.js';

const usage = `Usage: tracer intel <compile|serve|lookup|match> [options]

Threat intelligence: load feeds (CSV, JSON/NDJSON, Kaspersky JSON, STIX 2.1,
MISP feeds, MISP warninglists, plain lists, Zeek intel), compile them into a
fast checksummed index, check indicators, and serve a CyberTrace/KUMA
compatible enrichment server with an HTTP API.

A feed is named as PATH[,key=FIELD][,name=NAME][,format=FMT][,parents][,allow]:
  key=FIELD   CSV column or JSON field path (threat.ip) holding the indicator
  name=NAME   category reported with matches (default: file name)
  format=FMT  csv json ndjson kaspersky stix misp warninglist plain zeek
              (default: from the extension and content; a directory is a MISP feed)
  parents     domains also match their sub-domains
  allow       an allowlist: its matches suppress other feeds' matches

Sub-commands (run "tracer intel <sub-command> --help" for options):
  compile   compile feeds into a .tix index file
  serve     CyberTrace/KUMA TCP enrichment server and HTTP API
  lookup    check indicators against feeds or compiled indexes
  match     match everything an ingested capture saw (store) against feeds`;

const intelCommand: Command = {
  name: 'intel',
  summary: 'Threat intel: compile feeds, look up indicators, serve CyberTrace/KUMA enrichment',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    const load = {
      compile: async () => (await import('./intel-compile.js')).default,
      serve: async () => (await import('./intel-serve.js')).default,
      lookup: async () => (await import('./intel-lookup.js')).default,
      match: async () => (await import('./intel-match.js')).default,
    }[sub ?? ''];
    if (!load) throw new UsageError(`intel needs a sub-command: compile, serve, lookup or match (got "${sub ?? ''}")`);
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.usage + '\n');
      return 0;
    }
    return command.run(rest);
  },
};

export default intelCommand;
