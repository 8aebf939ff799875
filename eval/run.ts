import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpus } from '../test/helpers/corpus.js';
import { EVAL_CASES } from './cases.js';
import { evaluateCase, summarize, type EvalRow } from './evaluate.js';

/** `npm run eval`: every case of EVAL_CASES through ingest and detection, as a table with recall and false positives. */
async function main(): Promise<void> {
  const rows: EvalRow[] = [];
  process.stdout.write(`${'capture'.padEnd(58)}${'expected'.padEnd(20)}fired  parties  FP>low\n`);
  for (const c of EVAL_CASES) {
    const path = c.capture.startsWith('samples/') ? resolve(c.capture) : corpus(c.capture);
    if (!existsSync(path)) { process.stderr.write(`skipped (missing): ${path}\n`); continue; }
    for (const r of await evaluateCase(c, path)) {
      rows.push(r);
      const name = c.capture.split('/').pop() ?? c.capture;
      process.stdout.write(`${name.slice(0, 57).padEnd(58)}${(r.detector ?? '(benign)').padEnd(20)}${(r.detector ? (r.fired ? 'yes' : 'NO') : '-').padEnd(7)}${(r.detector ? (r.rightParties ? 'yes' : 'NO') : '-').padEnd(9)}${r.falsePositives}\n`);
    }
  }
  const s = summarize(rows);
  process.stdout.write(`\nrecall ${s.detected}/${s.expected} = ${(s.recall * 100).toFixed(1)}%; false positives above low: ${s.falsePositives}\n`);
}

await main();
