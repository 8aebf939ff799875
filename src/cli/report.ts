import { readFileSync } from 'node:fs';
import { correlate, type Analysis } from '../correlate/index.js';
import { parseAnalysis, planMitigations } from '../mitigate/index.js';
import { REPORT_FORMATS, writeReport, type ReportFormat } from '../report/index.js';
import { displayStore, openStoreFromUrl, storeSpec } from '../store/clickhouse/open.js';
import { isClickHouseUrl } from '../store/clickhouse/url.js';
import type { Store } from '../store/duckdb.js';
import { parseOptions } from '../store/query/flow-options.js';
import { escapeTerminal } from '../util/escape.js';
import { InputError, UsageError, type Command } from './command.js';

const usage = `Usage: tracer report [--db PATH | --store URL] [--analysis FILE] [--out DIR] [--format LIST] [--internal CIDRS]

Writes the incident report for a store: a self-contained report.html (charts, timeline,
network map, sortable alerts; opens from disk with no network), report.md with SVG charts
in charts/, report.json, and report.pdf (printed by headless Chromium) when asked.
Sections: summary, attack chain and timeline, anomalies, attack patterns and weaknesses,
traffic before/during/after, top talkers and names, network map, threat-intel matches,
mitigations with rules ready to paste, and the chain of custody.

Options:
  --db PATH          store file (default $TRACER_STORE or ./tracer.duckdb), after "tracer detect"
  --store URL        a ClickHouse store instead (clickhouse://HOST:PORT/DB): the statistics
                     and the correlation run there as ClickHouse SQL
  --analysis FILE    analysis.json from "tracer analyze" (default: correlate the store now)
  --out DIR          where the files go (default ./tracer-report)
  --format LIST      comma-separated: ${REPORT_FORMATS.join(', ')} (default html,md,json)
  --internal CIDRS   comma-separated networks that are yours (default: private ranges)

Examples:
  tracer report --db demo.duckdb --out case42-report
  tracer report --db case.duckdb --analysis case42/analysis.json --format html,pdf`;

/** Parses --format: known names, at least one. */
function parseFormats(text: string): ReportFormat[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.find((n) => !(REPORT_FORMATS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) throw new UsageError(`--format ${JSON.stringify(text)}: expected a comma-separated list of ${REPORT_FORMATS.join(', ')}`);
  return names as ReportFormat[];
}

/** The analysis from --analysis, or correlated from the store's alerts now. */
async function loadAnalysis(store: Store, db: string, file: string | undefined, internal: string[]): Promise<Analysis> {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new InputError(`${escapeTerminal(file)}: cannot read: ${escapeTerminal((err as Error).message.split('\n')[0])}`);
    }
    try {
      return parseAnalysis(text, file);
    } catch (err) {
      throw new InputError(escapeTerminal((err as Error).message));
    }
  }
  const flag = isClickHouseUrl(db) ? '--store' : '--db';
  if (!(await store.tables()).includes('alerts')) throw new InputError(`${escapeTerminal(db)}: no alerts yet; run "tracer detect ${flag} ${escapeTerminal(db)}" first`);
  return correlate(store, { internalNets: internal.length > 0 ? internal : undefined, parameters: { internal } });
}

const command: Command = {
  name: 'report',
  summary: 'Write the incident report: self-contained HTML, Markdown with SVG charts, JSON, PDF',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' }, store: { type: 'string' }, analysis: { type: 'string' }, out: { type: 'string', default: './tracer-report' },
      format: { type: 'string', default: 'html,md,json' }, internal: { type: 'string', default: '' },
    });
    const formats = parseFormats(values.format);
    const internal = values.internal.split(',').map((s) => s.trim()).filter(Boolean);
    const spec = storeSpec(values);
    const store = await openStoreFromUrl(spec, { existing: true });
    try {
      const analysis = await loadAnalysis(store, displayStore(spec), values.analysis, internal);
      let plan;
      try {
        plan = planMitigations(analysis, { internal });
      } catch (err) {
        throw new UsageError(escapeTerminal((err as Error).message));
      }
      const parameters = { store: displayStore(spec), analysis: values.analysis ?? null, out: values.out, formats, internal };
      const { data, files } = await writeReport({ store, analysis, plan, outDir: values.out, formats, parameters }).catch((err: Error) => {
        throw err.message.startsWith('Cannot write report.pdf') ? new InputError(escapeTerminal(err.message)) : err;
      });
      for (const f of files) process.stdout.write(`${escapeTerminal(f)}\n`);
      process.stderr.write(`${data.summary.incidents} incident(s), ${data.anomalies.total} alert(s), ${data.mitigations.mitigations.length} mitigation(s); severity ${data.summary.severity}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
