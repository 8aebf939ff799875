import type { Store } from './duckdb.js';
import { ingestsSchema } from './schema/ingests.js';

/** What is recorded about one input file read into the store. */
export interface IngestInfo {
  /** File name (no directory). */
  name: string;
  path: string;
  sha256: string;
  fileBytes: number;
  compressed: boolean;
  format: string;
  packets: number;
  firstTs: number | null;
  lastTs: number | null;
  linkTypes: readonly number[];
  /** Anomaly code → count for this input. */
  anomalies: Record<string, number>;
  problems: number;
  truncated: boolean;
  tracerVersion: string;
  /** Wall-clock start and end, ISO 8601. */
  started: string;
  finished: string;
  parameters: Record<string, unknown>;
}

/** Appends one row to the `ingests` table (created if needed); resolves to its id (1, 2, …). */
export async function recordIngest(store: Store, info: IngestInfo): Promise<number> {
  await store.ensure(ingestsSchema);
  const [{ next }] = await store.all('SELECT CAST(coalesce(max(id), 0) + 1 AS BIGINT) AS next FROM ingests');
  const id = Number(next);
  const writer = store.writer(ingestsSchema);
  writer.append({
    id, input: info.name, path: info.path, sha256: info.sha256, file_bytes: info.fileBytes,
    compressed: info.compressed, format: info.format, packets: info.packets,
    first_ts: info.firstTs, last_ts: info.lastTs, link_types: [...info.linkTypes],
    anomalies: JSON.stringify(info.anomalies), problems: info.problems, truncated: info.truncated,
    tracer_version: info.tracerVersion, started: info.started, finished: info.finished,
    parameters: JSON.stringify(info.parameters),
  });
  writer.flush();
  return id;
}
