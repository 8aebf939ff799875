import { parseArgs } from 'node:util';
import { DEFAULT_DB_PATH, openStore } from '../store/duckdb.js';
import { createRouter } from '../web/router.js';
import { serverRoutes } from '../web/routes.js';
import { checkServeOptions, serve } from '../web/server.js';
import { UsageError, type Command } from './command.js';

const usage = `tracer serve [--db FILE] [--host ADDR] [--port N] [--token TOKEN]

Serves the REST API (cases under /api/cases) on 127.0.0.1:8080 by default.
Any non-loopback --host requires --token; clients then send "Authorization: Bearer TOKEN".
The token can also come from $TRACER_TOKEN.

Examples:
  tracer serve --db case.duckdb
  curl -s localhost:8080/api/cases/CASE_20250929_125453/report?format=text`;

/** `tracer serve`: the HTTP server for the REST API (other features add their routes here). */
const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the REST API (cases) on 127.0.0.1; other addresses need a token',
  usage,
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({ args: argv, strict: true, options: { db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' } } }));
    } catch (err) {
      throw new UsageError(`serve: ${(err as Error).message.split('\n')[0]}`);
    }
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port needs a port number, got "${values.port}"`);
    const host = values.host ?? '127.0.0.1';
    const token = values.token ?? process.env.TRACER_TOKEN;
    const options = { host, port, token };
    const oneLine = (err: unknown): UsageError => new UsageError(`serve: ${(err as Error).message.split('\n')[0]}`);
    try {
      checkServeOptions(options);
    } catch (err) {
      throw oneLine(err);
    }
    const handler = createRouter(await serverRoutes(await openStore(values.db ?? DEFAULT_DB_PATH)));
    await serve(handler, options).catch((err: unknown) => { throw oneLine(err); });
    process.stderr.write(`tracer serve: listening on http://${host}:${port}/api/cases\n`);
    return new Promise<number>(() => undefined);
  },
};

export default serveCommand;
