import { readFileSync, writeFileSync } from 'node:fs';
import { currentActor } from '../case/actor.js';
import { ValidationError } from '../case/errors.js';
import { casesFromJson } from '../case/import-original.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../case/report/index.js';
import { parseNewDetection } from '../case/validate.js';
import { escapeTerminal } from '../util/escape.js';
import { asUsage, caseIdArg, parseCaseArgs, withCases } from './case-args.js';
import { InputError, UsageError } from './command.js';

function formatArg(value: string | undefined, fallback: ReportFormat): ReportFormat {
  const format = value ?? fallback;
  if (!Object.hasOwn(REPORT_FORMATS, format)) throw new UsageError(`--format must be one of ${Object.keys(REPORT_FORMATS).join(', ')}, got "${format}"`);
  return format as ReportFormat;
}

/** `tracer case open`: a case from flags, without prompts; prints its id. */
async function openCase(argv: string[]): Promise<number> {
  const { values } = parseCaseArgs(argv, { threat: { type: 'string' }, src: { type: 'string' }, dst: { type: 'string' }, ticket: { type: 'string', multiple: true }, investigator: { type: 'string' } }, 'open');
  const detection = await asUsage('open', async () => parseNewDetection({ threatType: values.threat, source: values.src, destination: values.dst, tickets: values.ticket ?? [], investigator: values.investigator ?? '' }, currentActor()));
  const created = await withCases(values.db, (cases) => cases.create(detection));
  process.stdout.write(`${created.case.id}\n`);
  return 0;
}

/** `tracer case list`: one line per case (or --json). */
async function listCases(argv: string[]): Promise<number> {
  const { values } = parseCaseArgs(argv, { json: { type: 'boolean' } }, 'list');
  const all = await withCases(values.db, (cases) => cases.list());
  if (values.json) process.stdout.write(JSON.stringify(all.map(({ version, updatedAt, case: c }) => ({ id: c.id, version, updatedAt, status: c.status, ...c.detection, elements: c.path.length }))) + '\n');
  else for (const { case: c, updatedAt } of all) process.stdout.write(escapeTerminal(`${c.id}  ${c.status.padEnd(9)}  ${updatedAt}  ${c.detection.threatType}: ${c.detection.source} → ${c.detection.destination} (${c.path.length} elements)`) + '\n');
  return 0;
}

/** `tracer case show|export`: the report in a format, to stdout or --out FILE. */
async function showCase(sub: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseCaseArgs(argv, { format: { type: 'string' }, out: { type: 'string' } }, sub);
  const id = caseIdArg(values, positionals, sub);
  const format = formatArg(values.format, sub === 'export' ? 'json' : 'text');
  const stored = await withCases(values.db, (cases) => cases.get(id));
  if (!stored) throw new UsageError(`case ${sub}: no case "${escapeTerminal(id)}" (see "tracer case list")`);
  const report = renderReport(stored, format);
  if (values.out) writeFileSync(values.out, report);
  else process.stdout.write(report);
  return 0;
}

/** `tracer case import FILE…`: Tracer exports and the original tool's JSON files. */
async function importCases(argv: string[]): Promise<number> {
  const { values, positionals } = parseCaseArgs(argv, {}, 'import');
  if (positionals.length === 0) throw new UsageError('case import: give one or more JSON files');
  await withCases(values.db, async (cases) => {
    for (const file of positionals) {
      let docs;
      try {
        docs = casesFromJson(JSON.parse(readFileSync(file, 'utf8')) as unknown, currentActor());
      } catch (err) {
        const what = err instanceof ValidationError ? `at ${err.field}` : 'not valid JSON';
        throw new InputError(`${escapeTerminal(file)}: ${what}: ${escapeTerminal((err as Error).message.split('\n')[0])}`);
      }
      for (const doc of docs) {
        await asUsage('import', () => cases.importCase(doc));
        process.stdout.write(`${escapeTerminal(doc.id)}: imported (${doc.path.length} elements)\n`);
      }
    }
  });
  return 0;
}

/** `tracer case history`: who changed what, when. */
async function showHistory(argv: string[]): Promise<number> {
  const { values, positionals } = parseCaseArgs(argv, {}, 'history');
  const id = caseIdArg(values, positionals, 'history');
  const history = await withCases(values.db, (cases) => cases.history(id));
  if (history.length === 0) throw new UsageError(`case history: no case "${escapeTerminal(id)}"`);
  for (const h of history) process.stdout.write(escapeTerminal(`v${h.version}  ${h.at}  ${h.actor}  ${h.action}  ${h.changes.map((c) => c.path).join(', ')}`) + '\n');
  return 0;
}

/** Runs a reading or importing sub-command of `tracer case`. */
export function runCaseIo(sub: string, argv: string[]): Promise<number> {
  if (sub === 'open') return openCase(argv);
  if (sub === 'list') return listCases(argv);
  if (sub === 'import') return importCases(argv);
  if (sub === 'history') return showHistory(argv);
  return showCase(sub, argv);
}
