import { statSync } from 'node:fs';
import type { Analysis } from '../correlate/model.js';
import { dialectOf } from '../store/dialect.js';
import type { Store } from '../store/duckdb.js';
import { version } from '../util/version.js';
import type { Custody, CustodyInput } from './model.js';
import { num, queryReport, reportSql } from './sql.js';

/**
 * The chain of custody: every input recorded in the store's ingests table (path,
 * SHA-256, size, packets, extent), plus inputs the analysis names that the store
 * does not (logs, intel feeds), Tracer's versions and the parameters used.
 */
export async function collectCustody(store: Store, analysis: Analysis, parameters: Record<string, unknown>, now = new Date()): Promise<Custody> {
  const rows = await queryReport(store, await store.tables(), 'custody', 'ingests');
  const inputs: CustodyInput[] = rows.map((r) => ({
    path: String(r.path ?? ''), kind: String(r.format ?? 'capture'), sha256: String(r.sha256 ?? ''), bytes: num(r.file_bytes),
    packets: r.packets === null ? null : num(r.packets), first: r.first_ts === null ? null : num(r.first_ts),
    last: r.last_ts === null ? null : num(r.last_ts), tracerVersion: String(r.tracer_version ?? ''), ingested: String(r.finished ?? ''),
  }));
  const known = new Set(inputs.map((i) => i.sha256));
  for (const i of analysis.inputs) {
    if (known.has(i.sha256)) continue;
    known.add(i.sha256);
    inputs.push({ path: i.path, kind: i.kind, sha256: i.sha256, bytes: i.bytes, packets: null, first: null, last: null, tracerVersion: analysis.tracerVersion, ingested: '' });
  }
  return {
    inputs, reportVersion: version, analysisVersion: analysis.tracerVersion, generatedAt: now.toISOString(),
    parameters: { analysis: analysis.parameters, report: parameters }, store: await storeSize(store),
  };
}

/** The store's name and size: a DuckDB file's, or a ClickHouse database's bytes on disk (null in memory). */
async function storeSize(store: Store): Promise<Custody['store']> {
  const path = store.path;
  if (dialectOf(store) === 'clickhouse') {
    const [row] = await store.all(reportSql('store-bytes', 'clickhouse'));
    return { path, bytes: num(row?.bytes) };
  }
  if (path === ':memory:') return null;
  try {
    return { path, bytes: statSync(path).size };
  } catch {
    return null;
  }
}
