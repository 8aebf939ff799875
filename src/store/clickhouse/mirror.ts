import { closeSync, createWriteStream, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { quoteIdent, sqlType } from '../ddl.js';
import { openStore, type Store } from '../duckdb.js';
import { allSchemas } from '../schema/index.js';
import { columnName, type LogRecord, type LogSchema } from '../schema/types.js';
import { ClickHouseError } from './client.js';
import { quoteId } from './escape.js';
import type { ClickHouseStore } from './store.js';

/** Bytes of sort state the server keeps in memory before it sorts on disk (ClickHouse's default is never). */
const SORT_SPILL_BYTES = 1 << 30;

/** Throws the ClickHouse error a streamed response ended with, if any (its last few hundred bytes). */
function throwTrailingError(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const tail = Buffer.alloc(Math.min(size, 2048));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const m = /Code: (\d+)[.,]\s*(?:e\.displayText\(\) = )?(?:DB::Exception: )?([^\n]*)\n?$/.exec(tail.toString('utf8'));
    if (m) throw new ClickHouseError(m[2].replace(/, e\.what\(\) = .*$/, ''), Number(m[1]), false);
  } finally {
    closeSync(fd);
  }
}

/** Progress of a copy: stream name and rows copied so far. */
export type MirrorProgress = (stream: string, rows: number) => void;

/**
 * Copies the streams of a ClickHouse store into a new in-memory DuckDB store, row for row and
 * in insertion order (`_batch`, `_row`), skipping a row a retried insert stored twice
 * before ReplacingMergeTree merged it away. The DuckDB SQL analytics (detectors, views) then
 * run unchanged on the copy and give the alerts they give on a DuckDB store of the same data.
 * Bool columns come back from UInt8 as true/false. With `into`, the rows are appended to that
 * (empty) DuckDB store instead of a new in-memory one.
 */
export async function mirrorToDuckDB(ch: ClickHouseStore, schemas: readonly LogSchema[] = allSchemas, onProgress?: MirrorProgress, into?: Store): Promise<Store> {
  const duck = into ?? await openStore(':memory:');
  try {
    const present = new Set(await ch.tables());
    for (const schema of schemas) {
      await duck.ensure(schema);
      if (present.has(schema.name)) await copyStream(ch, duck, schema, onProgress);
    }
    return duck;
  } catch (err) {
    if (!into) await duck.close();
    throw err;
  }
}

/** List types that travel in CSV as ClickHouse prints them (`[1.5,3.25]`) and DuckDB casts them back. */
const CSV_LISTS = new Set(['vector[count]', 'vector[interval]']);

async function copyStream(ch: ClickHouseStore, duck: Store, schema: LogSchema, onProgress?: MirrorProgress): Promise<void> {
  if (schema.fields.some((f) => f.type.includes('[') && !CSV_LISTS.has(f.type))) await copyAsJson(ch, duck, schema, onProgress);
  else {
    const rows = await copyAsCsv(ch, duck, schema);
    onProgress?.(schema.name, rows);
  }
}

/**
 * Streams of scalar and numeric-list columns (conn, the big one, among them) travel as CSV through
 * a temporary file that DuckDB's own reader loads: several times faster than parsing rows in JavaScript.
 * ClickHouse writes strings quoted (quotes doubled, nothing else escaped) and NULL as an
 * unquoted \N, which is exactly what the reader is told. The sort into insertion order may
 * spill to disk on the server (SORT_SPILL_BYTES); a failure half-way, which ClickHouse can only
 * append to the body, is found at the end of the file.
 */
async function copyAsCsv(ch: ClickHouseStore, duck: Store, schema: LogSchema): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-mirror-'));
  try {
    const file = join(dir, `${schema.name}.csv`);
    const sql = `SELECT ${ch.columnList(schema)} FROM ${quoteId(ch.target.database)}.${quoteId(schema.name)} ORDER BY _batch, _row LIMIT 1 BY _batch, _row FORMAT CSV`;
    await ch.client.retrying(async () => {
      const res = await ch.client.request(sql, undefined, { max_bytes_before_external_sort: SORT_SPILL_BYTES });
      await pipeline(res.body, createWriteStream(file));
      throwTrailingError(file);
    });
    const columns = schema.fields.map((f) => `'${columnName(f)}': '${sqlType(f.type)}'`).join(', ');
    await duck.run(`INSERT INTO ${quoteIdent(schema.name)} SELECT * FROM read_csv(?, columns = {${columns}},
      header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '\\N', allow_quoted_nulls = false)`, [file]);
    const [{ n }] = await duck.all(`SELECT count(*) AS n FROM ${quoteIdent(schema.name)}`);
    return Number(n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Streams with lists of strings travel as JSON rows, appended through the DuckDB writer. */
async function copyAsJson(ch: ClickHouseStore, duck: Store, schema: LogSchema, onProgress?: MirrorProgress): Promise<void> {
  const writer = duck.writer(schema);
  const bools = schema.fields.filter((f) => f.type === 'bool').map((f) => f.name.replace(/\./g, '_'));
  const sql = `SELECT ${ch.columnList(schema)}, _batch, _row FROM ${quoteId(ch.target.database)}.${quoteId(schema.name)} ORDER BY _batch, _row FORMAT JSONEachRow`;
  let lastBatch = '';
  let lastRow = -1;
  let rows = 0;
  for await (const line of ch.client.lines(sql, { max_bytes_before_external_sort: SORT_SPILL_BYTES })) {
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
