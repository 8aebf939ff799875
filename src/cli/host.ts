import { UsageError, type Command } from './command.js';

const usage = `Usage: tracer host <watch|verify|match|at|export> [options]

Host tracing: ties every connection socket to the process lineage that made
it, writes one birth certificate per connection to a verifiable log, and
answers questions about it later.

  tracer host watch [--interval 1s] [--log births.ndjson] [--checkpoint-every N]
                    [--key-file F] [--ndjson] [--top N] [--duration S]
      Polls /proc; shows the top N live connections by risk (refreshing), or
      prints births and deaths as NDJSON. Without root it still runs, with
      reduced attribution, and says what is missing.
  tracer host verify births.ndjson [--checkpoints F] [--key-file F]
      Checks the hash chain and the keyed checkpoints; exit 0 intact, 1 tampered.
  tracer host match --key-file F --feed list.txt births.ndjson
      Finds feed addresses (one per line) among the masked remote endpoints.
  tracer host at "2026-11-21 14:32" births.ndjson
      Connections that existed then (UTC unless a zone is given), with the
      uncertainty the polling interval leaves.
  tracer host export --db PATH births.ndjson
      Loads certificates (with their deaths) into the store's host_conns table.

The key file (default ~/.config/tracer/host.key, created on first use) must be
kept apart from the log: it authenticates checkpoints and masks addresses.

Examples:
  sudo tracer host watch --log /var/log/tracer/births.ndjson --key-file /etc/tracer/host.key
  tracer host verify /var/log/tracer/births.ndjson --key-file /etc/tracer/host.key`;

/** Sub-commands, each in its own file, loaded when used. */
const SUBCOMMANDS: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  watch: async () => (await import('./host-watch.js')).runWatch,
  verify: async () => (await import('./host-verify.js')).runVerify,
  match: async () => (await import('./host-match.js')).runMatch,
  at: async () => (await import('./host-at.js')).runAt,
  export: async () => (await import('./host-export.js')).runExport,
};

const hostCommand: Command = {
  name: 'host',
  summary: 'Trace host connections to process lineages; verifiable birth records',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    const load = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (!load) throw new UsageError(`host needs a sub-command (watch, verify, match, at, export); run "tracer help host"`);
    return (await load())(rest);
  },
};

export default hostCommand;
