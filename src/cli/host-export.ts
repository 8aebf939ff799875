import { hostConnRows } from '../host/host-conn-rows.js';
import { readHostLog } from '../host/host-log-reader.js';
import { openStore } from '../store/duckdb.js';
import { hostConnsSchema } from '../store/schema/host-conns.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError } from './command.js';
import { parseHostArgs } from './host-args.js';

/** `tracer host export --db PATH LOG…`: appends each log's connections to host_conns. */
export async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parseHostArgs(argv, { db: { type: 'string', default: 'tracer.duckdb' } }, 'export');
  if (positionals.length === 0) throw new UsageError('host export needs at least one log file');
  const logs = positionals.map((path) => ({ path, log: readHostLog(path) }));
  const store = await openStore(values.db);
  try {
    await store.ensure(hostConnsSchema);
    const writer = store.writer(hostConnsSchema);
    for (const { path, log } of logs) {
      let rows = 0;
      for (const row of hostConnRows(log)) { writer.append(row); rows++; }
      process.stderr.write(`tracer: ${escapeTerminal(path)}: ${rows} connection(s) exported to ${escapeTerminal(values.db)} (host_conns)\n`);
    }
    writer.flush();
  } finally {
    await store.close();
  }
  return 0;
}
