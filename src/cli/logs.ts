import { InputError, UsageError, type Command } from './command.js';
import { escapeTerminal } from '../util/escape.js';
import { DEFAULT_DB_PATH, openStore } from '../store/duckdb.js';
import { parseOptions } from '../store/query/flow-options.js';
import { LOG_FORMATS, formatLineProblem, ingestLogFile, zoneToUtc, type LogFormat, type LogIngestReport } from '../logs/index.js';

const usage = `Usage: tracer logs ingest [--db PATH] [--format F] [--tz ZONE] [--year YYYY] <files…>

Reads host and sensor logs into the store, line by line: sshd via syslog
(auth.log, RFC 3164/5424) and journald JSON into "auth"; Windows Security
4624/4625/4648/4672 JSON into "auth" and Sysmon event 3 into "sysmon_conns";
Suricata EVE alerts into "suricata_alert" and its flow/dns/http/tls into
conn/dns/http/ssl; Zeek TSV/JSON conn/dns/http/ssl/ssh/notice 1:1.
Unreadable lines are counted and the first ones printed as file:line; they
never stop the ingest.

Options:
  --db PATH     store file (default ${DEFAULT_DB_PATH})
  --format F    one of ${LOG_FORMATS.join(', ')} (default: sniffed)
  --tz ZONE     zone of syslog times that carry none: UTC (default), +HH:MM, Europe/Berlin
  --year YYYY   year of the first RFC 3164 line (default: from the file's mtime,
                each line taking the latest year not after it; Dec→Jan wraps)

Examples:
  tracer logs ingest /var/log/auth.log --tz Europe/Berlin
  tracer logs ingest eve.json conn.log dns.log --db case.duckdb
  tracer logs ingest auth.log.1 --year 2024`;

function summary(r: LogIngestReport): string {
  const records = Object.entries(r.records).map(([s, n]) => `${n} ${s}`).join(', ') || 'no records';
  const span = r.firstTs === null || r.lastTs === null ? '' : `, ${new Date(r.firstTs * 1000).toISOString()} – ${new Date(r.lastTs * 1000).toISOString()}`;
  return escapeTerminal(`${r.path}: ${r.format}, ${r.lines} lines: ${records}; ${r.problems} unreadable${span}`) + '\n';
}

function options(values: { format?: string; tz?: string; year?: string }): { format?: LogFormat; tz?: string; year?: number } {
  if (values.format !== undefined && !LOG_FORMATS.includes(values.format as LogFormat)) throw new UsageError(`--format ${JSON.stringify(values.format)}: expected one of ${LOG_FORMATS.join(', ')}`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`--year ${JSON.stringify(values.year)}: expected a four-digit year`);
  if (values.tz !== undefined) {
    try { zoneToUtc(values.tz); } catch (err) { throw new UsageError(`--tz: ${(err as Error).message}`); }
  }
  return { format: values.format as LogFormat | undefined, tz: values.tz, year: values.year === undefined ? undefined : Number(values.year) };
}

const command: Command = {
  name: 'logs',
  summary: 'Read auth, journald, Windows, Suricata EVE and Zeek logs into the store',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'ingest') throw new UsageError(`tracer logs: expected the sub-command "ingest", got ${JSON.stringify(sub ?? '')}`);
    const { values, positionals } = parseOptions(rest, {
      db: { type: 'string', default: DEFAULT_DB_PATH }, format: { type: 'string' }, tz: { type: 'string' }, year: { type: 'string' },
    }, true);
    if (positionals.length === 0) throw new UsageError('tracer logs ingest: name at least one log file');
    const opts = options(values);
    const store = await openStore(values.db);
    let failed = 0;
    try {
      for (const path of positionals) {
        try {
          const report = await ingestLogFile(store, path, { ...opts, onProblem: (file, p) => process.stderr.write(formatLineProblem(file, p) + '\n') });
          process.stderr.write(summary(report));
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          process.stderr.write(err.message + '\n');
          failed++;
        }
      }
    } finally {
      await store.close();
    }
    return failed === 0 ? 0 : 1;
  },
};

export default command;
