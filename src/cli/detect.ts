import { DEFAULT_CONFIG, loadConfigFile, mergeConfig, runDetectors, severityRank, SEVERITIES } from '../detect/index.js';
import { openStoreFromUrl, storeSpec } from '../store/clickhouse/open.js';
import { parseOptions } from '../store/query/flow-options.js';
import { openCountryLookup } from '../intel/geo.js';
import { loadIndexSet } from '../intel/sources.js';
import { UsageError, type Command } from './command.js';
import { problemPrinter } from './intel-problems.js';

const usage = `Usage: tracer detect [--db PATH | --store URL] [--config FILE] [--set DETECTOR.PARAM=VALUE…] [--allow ENTRY…] [--feed SPEC…] [--tix FILE…]

Runs every detector over the store and replaces the alerts table (new thresholds and
allowlists apply to old data without re-ingesting). Prints alerts per detector and severity.

Options:
  --db PATH        store file (default ./tracer.duckdb, or $TRACER_STORE)
  --store URL      a DuckDB file or clickhouse://HOST:PORT/DB
  --config FILE    JSON: { "detectors": { "port_scan": { "min_ports": 20 } }, "allow": ["10.0.0.0/8"] }
  --set D.P=V      one threshold, e.g. --set beacon.min_score=0.9 (repeatable)
  --allow ENTRY    drop alerts for a CIDR/address, a domain, or a SRC>DST pair (repeatable)
  --feed SPEC      threat-intel feed to match every IP, name, URL and file hash against
                   (repeatable; syntax in "tracer help intel"); matches are intel_match alerts
  --tix FILE       a compiled intel index (tracer intel compile), repeatable

Examples:
  tracer detect --db case.duckdb
  tracer detect --set port_scan.min_ports=50 --allow 10.0.0.53 --allow 'client.lan>updates.example.com'
  tracer detect --tix feeds.tix --feed ipsum.txt,name=ipsum`;

/** Applies `--set detector.param=value` overrides (numbers stay numbers). */
function applySets(config: typeof DEFAULT_CONFIG, sets: string[]): typeof DEFAULT_CONFIG {
  const detectors: Record<string, Record<string, unknown>> = {};
  for (const set of sets) {
    const m = /^([a-z_]+)\.([a-z_]+)=(.*)$/.exec(set);
    if (!m) throw new UsageError(`--set ${JSON.stringify(set)}: expected DETECTOR.PARAM=VALUE`);
    const current = config.detectors[m[1]]?.[m[2]];
    (detectors[m[1]] ??= {})[m[2]] = typeof current === 'number' ? Number(m[3]) : m[3];
  }
  return mergeConfig(config, { detectors }, '--set');
}

const command: Command = {
  name: 'detect',
  summary: 'Run the detectors over the store and write the alerts table',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' }, store: { type: 'string' }, config: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] }, allow: { type: 'string', multiple: true, default: [] },
      feed: { type: 'string', multiple: true, default: [] }, tix: { type: 'string', multiple: true, default: [] },
    });
    const problems = problemPrinter(process.stderr);
    const intel = loadIndexSet({ feeds: values.feed, tix: values.tix }, problems.print);
    problems.finish();
    let config = values.config === undefined ? DEFAULT_CONFIG : loadConfigFile(values.config);
    config = applySets(mergeConfig(config, { allow: values.allow }, '--allow'), values.set);
    const store = await openStoreFromUrl(storeSpec(values), { existing: true });
    try {
      const country = intel.indexes.length > 0 ? await openCountryLookup() : undefined;
      // On ClickHouse the detectors run there, as ClickHouse SQL (src/detect/sql/clickhouse/).
      const report = await runDetectors(store, config, { indexes: intel.indexes, country });
      const counts = new Map<string, number[]>();
      for (const a of report.alerts) (counts.get(a.detector) ?? counts.set(a.detector, SEVERITIES.map(() => 0)).get(a.detector)!)[severityRank(a.severity)]++;
      process.stdout.write(`${'detector'.padEnd(20)}${SEVERITIES.map((s) => s.padStart(9)).join('')}\n`);
      for (const [name, row] of counts) process.stdout.write(`${name.padEnd(20)}${row.map((n) => String(n).padStart(9)).join('')}\n`);
      process.stderr.write(`${report.alerts.length} alert(s), ${report.allowed} allowlisted\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
