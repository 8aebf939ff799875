import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { InputError, UsageError, type Command } from './command.js';
import { escapeTerminal } from '../util/escape.js';
import { openExistingStore } from '../store/duckdb.js';
import { EXPORT_FORMATS, exportParquet, exportText, type ExportFormat } from '../store/export/index.js';
import { flowWhere } from '../store/query/flow-filters.js';
import { FLOW_FILTER_OPTIONS, flowFiltersFrom, parseOptions } from '../store/query/flow-options.js';
import { allSchemas, schemaByName } from '../store/schema/index.js';

const usage = `Usage: tracer export [--db PATH] [--stream NAME] --format FORMAT [-o FILE] [filters]

Writes one log stream of the store, rows ordered by ts and uid (the same store
always gives the same bytes). Text formats go to stdout unless -o is given;
parquet needs -o.

Formats: zeek-tsv (Zeek's ASCII log), zeek-json (one Zeek JSON object per line),
         csv (RFC 4180, formula-injection guarded), ndjson (store column names),
         parquet
Streams: ${allSchemas.map((s) => s.name).join(', ')} (default conn)
Filters: --host IP, --net CIDR, --port N, --proto P, --state S[,S…], --service X,
         --since T, --until T, --min-bytes N (as for "tracer flows"; only those
         whose fields the stream has)

Examples:
  tracer export --format zeek-tsv -o conn.log
  tracer export --stream dns --format zeek-json --host 10.55.100.100 > dns.json
  tracer export --format parquet -o conn.parquet --since 2021-04-28T10:30:00Z
  tracer export --format csv --state S0 --proto tcp -o half-open.csv`;

const command: Command = {
  name: 'export',
  summary: 'Export a log stream as Zeek TSV/JSON, CSV, NDJSON or Parquet',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, {
      ...FLOW_FILTER_OPTIONS,
      stream: { type: 'string', default: 'conn' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    const schema = schemaByName(values.stream);
    if (!schema) throw new UsageError(`--stream ${JSON.stringify(values.stream)}: expected one of ${allSchemas.map((s) => s.name).join(', ')}`);
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${EXPORT_FORMATS.join(', ')}`);
    if (format === 'parquet' && !values.output) throw new UsageError('--format parquet needs an output file: -o FILE');
    const where = flowWhere(schema, flowFiltersFrom(values));
    const store = await openExistingStore(values.db);
    try {
      if (!(await store.tables()).includes(schema.name)) throw new InputError(`${escapeTerminal(values.db)}: the store holds no "${schema.name}" records`);
      const rows = format === 'parquet'
        ? await exportParquet(store, { schema, format, where }, values.output as string)
        : await exportToText(store, { schema, format, where }, values.output);
      if (values.output) process.stderr.write(`${rows} ${schema.name} records written to ${escapeTerminal(values.output)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

async function exportToText(store: Parameters<typeof exportText>[0], req: Parameters<typeof exportText>[1], path: string | undefined): Promise<number> {
  if (!path) return exportText(store, req, process.stdout);
  const out: Writable = createWriteStream(path);
  const opened = new Promise<void>((resolve, reject) => { out.once('open', () => resolve()); out.once('error', reject); });
  try {
    await opened;
  } catch (err) {
    throw new InputError(`${escapeTerminal(path)}: cannot write: ${err instanceof Error ? err.message : String(err)}`);
  }
  const rows = await exportText(store, req, out);
  out.end();
  await finished(out);
  return rows;
}

export default command;
