import { openStore } from '../duckdb.js';
import { readZeekTsv } from '../export/zeek-tsv-fixture.js';
import { connSchema } from '../schema/conn.js';
import { columnName, type LogRecord } from '../schema/types.js';

/**
 * Conn records of a real Zeek conn.log (corpus), reduced to the fields of
 * Tracer's conn schema: test data for queries and the flows/export commands.
 */
export function zeekConnRecords(path: string): LogRecord[] {
  const columns = connSchema.fields.map((f) => columnName(f));
  return readZeekTsv(path).records.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}

/** Creates a store file at `db` holding `records` in the conn table. */
export async function writeConnStore(db: string, records: readonly LogRecord[]): Promise<void> {
  const store = await openStore(db);
  await store.ensure(connSchema);
  const w = store.writer(connSchema);
  for (const r of records) w.append(r);
  w.flush();
  await store.close();
}
