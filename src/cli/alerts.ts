import { parseSeverity, SEVERITIES, severityRank, type Severity } from '../detect/index.js';
import { displayStore, openStoreFromUrl, storeSpec } from '../store/clickhouse/open.js';
import { isClickHouseUrl } from '../store/clickhouse/url.js';
import type { Row, Store } from '../store/duckdb.js';
import { parseOptions } from '../store/query/flow-options.js';
import { escapeTerminal } from '../util/escape.js';
import { InputError, UsageError, type Command } from './command.js';

const usage = `Usage: tracer alerts [--db PATH | --store URL] [--severity LEVEL] [--detector NAME] [--json]

Lists the alerts written by "tracer detect", most severe first, as a table or NDJSON.

Options:
  --db PATH          store file (default ./tracer.duckdb, or $TRACER_STORE)
  --store URL        a DuckDB file or clickhouse://HOST:PORT/DB
  --severity LEVEL   only LEVEL or above (${SEVERITIES.join(', ')})
  --detector NAME    only this detector (port_scan, flood, brute_force, beacon…)
  --json             one JSON object per line, with the evidence

Examples:
  tracer alerts --severity high
  tracer alerts --detector beacon --json | jq .evidence`;

/** Stored alerts in the order listed: most severe first, then oldest, then by id (plain SQL both stores speak, then sorted here). */
async function listAlerts(store: Store, min: Severity, detector: string): Promise<Row[]> {
  const rows = await store.all('SELECT * FROM alerts ORDER BY first_seen, id');
  return rows
    .filter((r) => severityRank(r.severity as Severity) >= severityRank(min) && (detector === '' || r.detector === detector))
    .sort((a, b) => severityRank(b.severity as Severity) - severityRank(a.severity as Severity));
}

const command: Command = {
  name: 'alerts',
  summary: 'List alerts from the store by severity (table or --json)',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' }, store: { type: 'string' }, severity: { type: 'string', default: 'info' },
      detector: { type: 'string', default: '' }, json: { type: 'boolean', default: false },
    });
    const min = parseSeverity(values.severity);
    if (!min) throw new UsageError(`--severity ${JSON.stringify(values.severity)}: expected one of ${SEVERITIES.join(', ')}`);
    const spec = storeSpec(values);
    const store = await openStoreFromUrl(spec, { existing: true });
    try {
      const where = escapeTerminal(displayStore(spec));
      if (!(await store.tables()).includes('alerts')) throw new InputError(`${where}: no alerts yet; run "tracer detect ${isClickHouseUrl(spec) ? '--store' : '--db'} ${where}" first`);
      const rows = await listAlerts(store, min, values.detector);
      for (const r of rows) {
        if (values.json) process.stdout.write(JSON.stringify({ ...r, evidence: JSON.parse(String(r.evidence)) }) + '\n');
        else process.stdout.write(`${String(r.severity).padEnd(9)}${String(r.detector).padEnd(20)}${escapeTerminal(String(r.src)).padEnd(18)} → ${escapeTerminal((r.dst as string[]).join(',')).padEnd(18)} ${escapeTerminal(String(r.explanation))}\n`);
      }
      process.stderr.write(`${rows.length} alert(s)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
