import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../pipeline/ingest.js';
import { openStore } from '../../store/duckdb.js';

/** Test support: ingests `file` through the whole pipeline into a scratch store and returns the rows of `queries`. */
export async function ingestAndQuery(file: string, queries: Record<string, string>): Promise<Record<string, Record<string, unknown>[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-proto-'));
  try {
    const db = join(dir, 'store.duckdb');
    await ingest({ dbPath: db, inputs: [file] });
    const store = await openStore(db);
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const [name, sql] of Object.entries(queries)) out[name] = await store.all(sql);
    await store.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
