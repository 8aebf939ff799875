import { openStore, type Store } from '../duckdb.js';
import { allSchemas } from '../schema/index.js';
import type { LogRecord, LogSchema } from '../schema/types.js';
import { ClickHouseError } from './client.js';
import { quoteId } from './escape.js';
import type { ClickHouseStore } from './store.js';

/** Progress of a copy: stream name and rows copied so far. */
export type MirrorProgress = (stream: string, rows: number) => void;

/**
 * Copies the streams of a ClickHouse store into a new in-memory DuckDB store, row for row and
 * in insertion order (`_batch`, `_row`), skipping a row a retried insert stored twice
 * before ReplacingMergeTree merged it away. The DuckDB SQL analytics (detectors, views) then
 * run unchanged on the copy and give the alerts they give on a DuckDB store of the same data.
 * Bool columns come back from UInt8 as true/false.
 */
export async function mirrorToDuckDB(ch: ClickHouseStore, schemas: readonly LogSchema[] = allSchemas, onProgress?: MirrorProgress): Promise<Store> {
  const duck = await openStore(':memory:');
  try {
    const present = new Set(await ch.tables());
    for (const schema of schemas) {
      await duck.ensure(schema);
      if (present.has(schema.name)) await copyStream(ch, duck, schema, onProgress);
    }
    return duck;
  } catch (err) {
    await duck.close();
    throw err;
  }
}

async function copyStream(ch: ClickHouseStore, duck: Store, schema: LogSchema, onProgress?: MirrorProgress): Promise<void> {
  const writer = duck.writer(schema);
  const bools = schema.fields.filter((f) => f.type === 'bool').map((f) => f.name.replace(/\./g, '_'));
  const sql = `SELECT ${ch.columnList(schema)}, _batch, _row FROM ${quoteId(ch.target.database)}.${quoteId(schema.name)} ORDER BY _batch, _row FORMAT JSONEachRow`;
  let lastBatch = '';
  let lastRow = -1;
  let rows = 0;
  for await (const line of ch.client.lines(sql)) {
    if (line === '') continue;
    if (line[0] !== '{') throw new ClickHouseError(line.slice(0, 500), null, false);
    const rec = JSON.parse(line) as LogRecord & { _batch: string; _row: number };
    if (rec._batch === lastBatch && rec._row === lastRow) continue;
    lastBatch = rec._batch;
    lastRow = rec._row;
    for (const b of bools) if (rec[b] !== null) rec[b] = rec[b] === 1;
    writer.append(rec);
    if ((++rows & 0x3ffff) === 0) onProgress?.(schema.name, rows);
  }
  writer.flush();
  onProgress?.(schema.name, rows);
}
