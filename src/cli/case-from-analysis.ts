import { readFileSync } from 'node:fs';
import { incidentCaseQuery } from '../case/from-analysis.js';
import { createCaseFromEvidence } from '../case/from-evidence.js';
import { correlate, type Analysis } from '../correlate/index.js';
import { parseAnalysis } from '../mitigate/index.js';
import { openExistingStore, type Store } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { asUsage, parseCaseArgs } from './case-args.js';
import { InputError, UsageError } from './command.js';

/** The analysis from `--analysis FILE` (written by tracer analyze, checked as tracer mitigate and report check it), else correlated from the store now. */
async function loadAnalysis(store: Store, file: string | undefined): Promise<Analysis> {
  if (file === undefined) return correlate(store);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${escapeTerminal(file)}: cannot read: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    return parseAnalysis(text, file);
  } catch (err) {
    throw new InputError(`${escapeTerminal(file)}: not an analysis.json of tracer analyze (${escapeTerminal((err as Error).message)})`);
  }
}

/**
 * `tracer case from-analysis`: opens a case from an incident of `tracer analyze` (the most
 * severe unless --incident names one): path ends, proposed hops, alerts, log lines and the chain.
 */
export async function fromAnalysis(argv: string[]): Promise<number> {
  const { values } = parseCaseArgs(argv, { analysis: { type: 'string' }, incident: { type: 'string' } }, 'from-analysis');
  if (!values.db) throw new UsageError('case from-analysis: give --db FILE (the store tracer analyze wrote, OUT/tracer.duckdb)');
  const store = await openExistingStore(values.db);
  try {
    const { incidents } = await loadAnalysis(store, values.analysis);
    const incident = values.incident === undefined ? incidents[0] : incidents.find((i) => i.id === values.incident);
    if (!incident) {
      throw new UsageError(incidents.length === 0 ? 'case from-analysis: the analysis found no incident' : `case from-analysis: no incident ${escapeTerminal(values.incident ?? '')}; there are ${incidents.map((i) => i.id).join(', ')}`);
    }
    const created = await asUsage('from-analysis', () => createCaseFromEvidence(store, incidentCaseQuery(incident)));
    const c = created.case;
    process.stdout.write(`${c.id}: ${escapeTerminal(c.detection.source)} → ${escapeTerminal(c.detection.destination)} from ${incident.id}, ${c.path.length} proposed elements, ${c.evidence.length} evidence links, ${c.notes.length} notes\n`);
    for (const e of c.path) process.stdout.write(`  ${e.id} ${escapeTerminal(e.name)} (${e.type})\n`);
  } finally {
    await store.close();
  }
  return 0;
}
