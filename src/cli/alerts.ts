import { parseSeverity, SEVERITIES } from '../detect/index.js';
import { DEFAULT_DB_PATH, openExistingStore } from '../store/duckdb.js';
import { parseOptions } from '../store/query/flow-options.js';
import { escapeTerminal } from '../util/escape.js';
import { InputError, UsageError, type Command } from './command.js';

const usage = `Usage: tracer alerts [--db PATH] [--severity LEVEL] [--detector NAME] [--json]

Lists the alerts written by "tracer detect", most severe first, as a table or NDJSON.

Options:
  --db PATH          store file (default ./tracer.duckdb)
  --severity LEVEL   only LEVEL or above (${SEVERITIES.join(', ')})
  --detector NAME    only this detector (port_scan, flood, brute_force, beacon…)
  --json             one JSON object per line, with the evidence

Examples:
  tracer alerts --severity high
  tracer alerts --detector beacon --json | jq .evidence`;

/** The SQL listing alerts at or above a severity, optionally of one detector. */
const LIST_SQL = `SELECT * FROM alerts
  WHERE list_position($severities, severity) >= list_position($severities, $min) AND ($detector = '' OR detector = $detector)
  ORDER BY list_position($severities, severity) DESC, first_seen, id`;

const command: Command = {
  name: 'alerts',
  summary: 'List alerts from the store by severity (table or --json)',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, {
      db: { type: 'string', default: DEFAULT_DB_PATH }, severity: { type: 'string', default: 'info' },
      detector: { type: 'string', default: '' }, json: { type: 'boolean', default: false },
    });
    if (!parseSeverity(values.severity)) throw new UsageError(`--severity ${JSON.stringify(values.severity)}: expected one of ${SEVERITIES.join(', ')}`);
    const store = await openExistingStore(values.db);
    try {
      if (!(await store.tables()).includes('alerts')) throw new InputError(`${escapeTerminal(values.db)}: no alerts yet; run "tracer detect --db ${escapeTerminal(values.db)}" first`);
      const rows = await store.all(LIST_SQL.replaceAll('$severities', `['${SEVERITIES.join("','")}']`), { min: values.severity, detector: values.detector });
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
