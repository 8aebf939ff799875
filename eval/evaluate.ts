import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillArp } from '../src/detect/arp-backfill.js';
import { runDetectors, severityRank, type Alert } from '../src/detect/index.js';
import { ingest } from '../src/pipeline/ingest.js';
import { openStore } from '../src/store/duckdb.js';
import type { EvalCase } from './cases.js';

/** The outcome of one expectation, or of a benign capture (detector null). */
export interface EvalRow {
  capture: string;
  detector: string | null;
  fired: boolean;
  rightParties: boolean;
  /** Alerts above "low" not matching any expectation of the capture. */
  falsePositives: number;
}

/** True when the alert names the expected attacker (source) and victim (a destination). */
function matches(a: Alert, e: EvalCase['expect'][number]): boolean {
  return (e.attacker === null || a.src === e.attacker) && (e.victim === null || a.dst.includes(e.victim));
}

/** Ingests one capture into a fresh store, runs every detector and scores the expectations. */
export async function evaluateCase(c: EvalCase, path: string): Promise<EvalRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-eval-'));
  try {
    const db = join(dir, 'eval.duckdb');
    await ingest({ dbPath: db, inputs: [path] });
    const store = await openStore(db);
    try {
      await backfillArp(store, [path]);
      const { alerts } = await runDetectors(store);
      const serious = alerts.filter((a) => severityRank(a.severity) > severityRank('low'));
      const involved = (a: Alert) => c.expect.some((e) => [e.attacker, e.victim].some((p) => p !== null && (a.src === p || a.dst.includes(p))));
      const falsePositives = serious.filter((a) => !involved(a)).length;
      if (c.expect.length === 0) return [{ capture: c.capture, detector: null, fired: false, rightParties: true, falsePositives }];
      return c.expect.map((e, i) => {
        const mine = alerts.filter((a) => a.detector === e.detector);
        return { capture: c.capture, detector: e.detector, fired: mine.length > 0, rightParties: mine.some((a) => matches(a, e)), falsePositives: i === 0 ? falsePositives : 0 };
      });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Recall (expectations met with the right parties / expectations) and false-positive totals. */
export function summarize(rows: readonly EvalRow[]): { expected: number; detected: number; recall: number; falsePositives: number } {
  const expected = rows.filter((r) => r.detector !== null).length;
  const detected = rows.filter((r) => r.detector !== null && r.fired && r.rightParties).length;
  return { expected, detected, recall: expected === 0 ? 1 : detected / expected, falsePositives: rows.reduce((n, r) => n + r.falsePositives, 0) };
}
