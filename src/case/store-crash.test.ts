import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/duckdb.js';
import { CaseStore } from './store.js';

/** Writes to let through before the kill: enough to be mid-loop, few enough to stay quick. */
const WRITES_BEFORE_KILL = 40;
const dir = mkdtempSync(join(tmpdir(), 'tracer-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer child until it reported `writes` commits, then kills it with SIGKILL; returns the commits it reported. */
function killMidWrite(db: string, writes: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'testing', 'crash-writer.ts'), db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const committed = new Map<string, number>();
  let buffered = '';
  let count = 0;
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [, id, version] = line.split(' ');
        committed.set(id, Number(version));
        if (++count === writes) child.kill('SIGKILL');
      }
    });
    child.on('close', () => resolve(committed));
  });
}

describe('a crash during writes', () => {
  it('leaves every committed case and its history intact (kill -9 mid-loop)', async () => {
    const db = join(dir, 'cases.duckdb');
    const committed = await killMidWrite(db, WRITES_BEFORE_KILL);
    expect(committed.size).toBeGreaterThan(1);
    const store = await openStore(db);
    const cases = await CaseStore.open(store);
    for (const [id, version] of committed) {
      const stored = await cases.get(id);
      expect(stored, id).toBeDefined();
      expect(stored?.version).toBeGreaterThanOrEqual(version);
      expect(stored?.case.path).toHaveLength((stored?.version ?? 0) - 1);
      const history = await cases.history(id);
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: stored?.version ?? 0 }, (_, i) => i + 1));
      expect(history.at(-1)?.after).toEqual(stored?.case);
    }
    await store.close();
  }, 60_000);
});
