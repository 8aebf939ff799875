import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { correlate, graphToDot, graphToGraphml, graphToMermaid, type Analysis, type AnalysisInput } from '../correlate/index.js';
import { DEFAULT_CONFIG, loadConfigFile, runDetectors } from '../detect/index.js';
import { openCountryLookup } from '../intel/geo.js';
import { parseFeedSpec } from '../intel/feeds/load-feed.js';
import { loadIndexSet } from '../intel/sources.js';
import { formatLineProblem } from '../logs/index.js';
import { planMitigations } from '../mitigate/index.js';
import { writeReport, type ReportFormat } from '../report/index.js';
import { ingest } from '../pipeline/ingest.js';
import { openExistingStore } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { fileDigest } from '../util/file-digest.js';
import { analysisSummary } from './analyze-summary.js';
import { UsageError, type Command } from './command.js';
import { captureProblemPrinter, positiveNumber } from './ingest-options.js';
import { problemPrinter } from './intel-problems.js';

const usage = `Usage: tracer analyze [options] <capture|log…>

The main job, end to end: ingests captures and logs, decodes, detects, matches threat
intel, correlates the evidence into incidents (timeline, attack graph, compromised hosts,
attack chain) and writes the results to --out. Logs are recognised by content (auth.log,
journald, Windows Security/Sysmon, Suricata EVE, Zeek); --logs only makes them explicit.

Options:
  --out DIR          where the results go (default ./tracer-analysis): the report (report.html,
                     report.md with SVG charts, report.json), analysis.json and, per incident,
                     its graph as .json, .dot, .graphml and .mmd (Mermaid)
  --pdf              also report.pdf, through headless Chromium
  --db PATH          store to use (default OUT/tracer.duckdb); inputs already in it are kept
  --logs FILE        a log file (repeatable)
  --feed SPEC        a threat-intel feed (repeatable; syntax in "tracer help intel")
  --tix FILE         a compiled intel index (repeatable)
  --config FILE      detector thresholds and allowlist (see "tracer help detect")
  --internal CIDRS   comma-separated networks that are yours (default: private ranges)
  --gap S            quiet seconds on a host that separate two incidents (default 86400)
  --tz ZONE          zone of log times that carry none (default UTC)
  --year N           year of syslog lines without one
  --quiet            no progress lines

Exit status: 0 when every input was read cleanly; 1 when one was damaged or unreadable
(everything readable was still analysed).

Examples:
  tracer analyze samples/intrusion.pcap.gz samples/auth.log --out case42
  tracer analyze capture.pcapng --logs /var/log/auth.log --feed ipsum.txt,name=ipsum --internal 10.0.0.0/8`;

/** Incidents whose graphs are written as separate files, at most. */
const MAX_GRAPH_FILES = 20;

/** Writes analysis.json and the graph files of each incident; returns the paths written. */
function writeResults(out: string, analysis: Analysis): string[] {
  mkdirSync(out, { recursive: true });
  const written = [join(out, 'analysis.json')];
  writeFileSync(written[0], `${JSON.stringify(analysis, null, 2)}\n`);
  for (const incident of analysis.incidents.slice(0, MAX_GRAPH_FILES)) {
    const exports = [
      ['json', `${JSON.stringify(incident.graph, null, 2)}\n`], ['dot', graphToDot(incident.graph)], ['graphml', graphToGraphml(incident.graph)], ['mmd', graphToMermaid(incident.graph)],
    ];
    for (const [ext, text] of exports) {
      const path = join(out, `graph-${incident.id}.${ext}`);
      writeFileSync(path, text);
      written.push(path);
    }
  }
  return written;
}

/** SHA-256 and size of each intel file, for the chain of custody. */
async function intelInputs(feeds: readonly string[], tix: readonly string[]): Promise<AnalysisInput[]> {
  const paths = [...feeds.map((spec) => parseFeedSpec(spec).path), ...tix];
  return Promise.all(paths.map(async (path) => ({ path, kind: 'intel' as const, ...(await fileDigest(path)) })));
}

const command: Command = {
  name: 'analyze',
  summary: 'Ingest, detect, match intel and correlate into incidents, in one go',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        out: { type: 'string', default: 'tracer-analysis' }, db: { type: 'string' }, logs: { type: 'string', multiple: true, default: [] },
        feed: { type: 'string', multiple: true, default: [] }, tix: { type: 'string', multiple: true, default: [] }, config: { type: 'string' },
        internal: { type: 'string' }, gap: { type: 'string' }, tz: { type: 'string' }, year: { type: 'string' }, quiet: { type: 'boolean', default: false },
        pdf: { type: 'boolean', default: false },
      },
    });
    const inputs = [...positionals, ...values.logs];
    if (inputs.length === 0) throw new UsageError('analyze needs at least one capture or log file');
    const gap = values.gap === undefined ? undefined : positiveNumber(values.gap, '--gap');
    const internalNets = values.internal?.split(',').map((s) => s.trim());
    const dbPath = values.db ?? join(values.out, 'tracer.duckdb');
    mkdirSync(values.out, { recursive: true });
    const say = (line: string): void => { if (!values.quiet) process.stderr.write(`tracer analyze: ${line}\n`); };
    let started = performance.now();
    const lap = (): string => { const s = (performance.now() - started) / 1000; started = performance.now(); return `${s.toFixed(1)} s`; };

    say(`[1/4] ingesting ${inputs.length} input(s) into ${dbPath}`);
    const report = await ingest({
      dbPath, inputs, tz: values.tz, ...(values.year && { year: positiveNumber(values.year, '--year') }),
      ...(internalNets && { flow: { localNets: internalNets } }),
      onProblem: captureProblemPrinter(),
      onLogProblem: (input, p) => process.stderr.write(`tracer: ${formatLineProblem(input, p)}\n`),
    });
    for (const i of report.inputs) if (i.error) process.stderr.write(`tracer: ${escapeTerminal(i.path)}: not read: ${escapeTerminal(i.error)}\n`);
    const packets = report.inputs.reduce((n, i) => n + i.packets, 0);
    const lines = report.inputs.reduce((n, i) => n + (i.lines ?? 0), 0);
    say(`      ${packets.toLocaleString('en-US')} packets, ${lines.toLocaleString('en-US')} log lines, ${report.connections.toLocaleString('en-US')} connections (${lap()})`);

    const problems = problemPrinter(process.stderr);
    const intel = loadIndexSet({ feeds: values.feed, tix: values.tix }, problems.print);
    problems.finish();
    const config = values.config === undefined ? DEFAULT_CONFIG : loadConfigFile(values.config);
    const store = await openExistingStore(dbPath);
    try {
      say('[2/4] detecting');
      const country = await openCountryLookup();
      const detected = await runDetectors(store, config, { indexes: intel.indexes, country });
      say(`      ${detected.alerts.length} alert(s) (${lap()})`);
      say('[3/4] correlating');
      const analysis = await correlate(store, {
        internalNets, gapSeconds: gap, country, extraInputs: await intelInputs(values.feed, values.tix),
        parameters: {
          inputs, internalNets: internalNets ?? 'private ranges', gapSeconds: gap ?? 86_400, tz: values.tz ?? 'UTC', config: values.config ?? 'defaults', feeds: values.feed, tix: values.tix,
        },
      });
      say(`      ${analysis.incidents.length} incident(s) (${lap()})`);
      say('[4/4] writing the report');
      const formats: ReportFormat[] = values.pdf ? ['html', 'md', 'json', 'pdf'] : ['html', 'md', 'json'];
      const plan = planMitigations(analysis, { internal: internalNets });
      const report = await writeReport({ store, analysis, plan, outDir: values.out, formats, parameters: analysis.parameters });
      const written = [...report.files, ...writeResults(values.out, analysis)];
      process.stdout.write(analysisSummary(analysis, written));
    } finally {
      await store.close();
    }
    return report.inputs.some((i) => i.error || i.problems > 0) ? 1 : 0;
  },
};

export default command;
