import type { Writable } from 'node:stream';
import { quoteIdent } from '../ddl.js';
import type { Store } from '../duckdb.js';
import { NO_FILTER, type SqlWhere } from '../query/sql-where.js';
import type { LogSchema } from '../schema/types.js';
import { csvFormat } from './csv.js';
import { ndjsonFormat } from './ndjson.js';
import type { ExportContext, ExportFormat, RowFormat } from './row-format.js';
import { selectSql } from './select.js';
import { zeekJsonFormat } from './zeek-json.js';
import { zeekTsvFormat } from './zeek-tsv.js';

export { EXPORT_FORMATS, type ExportFormat } from './row-format.js';

const TEXT_FORMATS: Record<Exclude<ExportFormat, 'parquet'>, (ctx: ExportContext) => RowFormat> = {
  'zeek-tsv': zeekTsvFormat,
  'zeek-json': zeekJsonFormat,
  csv: csvFormat,
  ndjson: ndjsonFormat,
};

/** What to export and where. */
export interface ExportRequest {
  schema: LogSchema;
  format: ExportFormat;
  where?: SqlWhere;
}

function write(out: Writable, text: string): Promise<void> | void {
  if (text === '' || out.write(text)) return;
  return new Promise((resolve) => out.once('drain', () => resolve()));
}

async function tsRange(store: Store, req: ExportRequest, where: SqlWhere): Promise<[number | null, number | null]> {
  if (!req.schema.fields.some((f) => f.name === 'ts')) return [null, null];
  const [r] = await store.all(`SELECT min(ts) AS first, max(ts) AS last FROM ${quoteIdent(req.schema.name)} ${where.sql}`, where.params);
  return [r.first as number | null, r.last as number | null];
}

/**
 * Writes a stream as text (`zeek-tsv`, `zeek-json`, `csv`, `ndjson`) to `out`,
 * rows in a deterministic order, streaming chunk by chunk. Resolves to the row count.
 */
export async function exportText(store: Store, req: ExportRequest & { format: Exclude<ExportFormat, 'parquet'> }, out: Writable): Promise<number> {
  const where = req.where ?? NO_FILTER;
  const [firstTs, lastTs] = await tsRange(store, req, where);
  const format = TEXT_FORMATS[req.format]({ schema: req.schema, firstTs, lastTs });
  let rows = 0;
  await write(out, format.header());
  for await (const chunk of store.stream(selectSql(req.schema, where), where.params)) {
    let text = '';
    for (const r of chunk) text += format.row(r);
    rows += chunk.length;
    await write(out, text);
  }
  await write(out, format.footer());
  return rows;
}

/** Writes a stream to a Parquet file at `path` (DuckDB's COPY), same order as the text formats. Resolves to the row count. */
export async function exportParquet(store: Store, req: ExportRequest, path: string): Promise<number> {
  const where = req.where ?? NO_FILTER;
  const literal = "'" + path.replace(/'/g, "''") + "'";
  const [{ n }] = await store.all(`SELECT count(*) AS n FROM ${quoteIdent(req.schema.name)} ${where.sql}`, where.params);
  await store.run(`COPY (${selectSql(req.schema, where)}) TO ${literal} (FORMAT PARQUET)`, where.params);
  return Number(n);
}
