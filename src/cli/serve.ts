import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { LiveCapture } from '../capture/live.js';
import { engineCorrelator, engineDetector, LiveEventStream } from '../live/index.js';
import { openStoreFromUrl, STORE_ENV, storeSpec } from '../store/clickhouse/open.js';
import { isClickHouseUrl } from '../store/clickhouse/url.js';
import { DEFAULT_DB_PATH, openStore, type Store } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { LiveDashboard } from '../web/live-dashboard.js';
import { createRouter } from '../web/router.js';
import { serverRoutes } from '../web/routes.js';
import { checkServeOptions, serve } from '../web/server.js';
import { StoreDashboard } from '../web/store-dashboard.js';
import { parseCaptureArgs } from './capture-args.js';
import { printNdjson, summaryLines } from './capture.js';
import { UsageError, type Command } from './command.js';

const usage = `tracer serve [--db FILE] [--store URL] [--host ADDR] [--port N] [--token TOKEN]
             [--capture IFACE [-f BPF] [capture options…]]

Serves the dashboard (http://127.0.0.1:8080/) and the REST API (cases under
/api/cases) on 127.0.0.1:8080 by default. The dashboard shows packets/s and
bytes/s over time, the protocol mix, top talkers, alerts by severity, the
attack graph and timeline of each incident, and the cases, pushed to the page
as they change (server-sent events).

Without --capture it shows the finished analysis in the store (run "tracer
ingest" and "tracer detect" first): the DuckDB file --db (default $TRACER_STORE
or ./tracer.duckdb), or the ClickHouse store --store clickhouse://HOST:PORT/DB
(or a ClickHouse $TRACER_STORE), whose dashboard data is queried in ClickHouse;
cases, which are edited and undone in place, then stay in the DuckDB file --db
(default ./tracer.duckdb) beside it.

With --capture IFACE it captures and analyses live traffic in the same process,
exactly as "tracer capture -i IFACE" does (-f, --protocol, -w, --rotate, --csv,
--duration, --count, -s, -B and --ndjson mean the same), storing into the
DuckDB file --db (not ClickHouse), and the dashboard follows it: alerts appear
the moment the detectors find them. Ctrl-C ends the capture and the server.

Any non-loopback --host requires --token (or $TRACER_TOKEN): API clients send
"Authorization: Bearer TOKEN"; a browser opens http://HOST:PORT/?token=TOKEN once.

Examples:
  tracer serve --db case.duckdb
  tracer serve --store clickhouse://127.0.0.1:8123/tracer --db cases.duckdb
  sudo tracer serve --capture eth0 -f 'not port 22' --db live.duckdb
  tracer serve --db case.duckdb --host 0.0.0.0 --token "$(openssl rand -hex 16)"
  curl -s localhost:8080/api/cases/CASE_20250929_125453/report?format=text`;

/** Options that belong to serve itself; every other argument is a capture option. */
const SERVE_OPTIONS = new Set(['--db', '--store', '--host', '--port', '--token', '--capture']);

/** Splits the arguments into serve's own and the capture's (passed to the capture parser). */
function splitArgs(argv: readonly string[]): { own: string[]; rest: string[] } {
  const own: string[] = [], rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!SERVE_OPTIONS.has(arg.split('=')[0])) rest.push(arg);
    else {
      own.push(arg);
      if (!arg.includes('=') && i + 1 < argv.length) own.push(argv[++i]);
    }
  }
  return { own, rest };
}

/**
 * Where serve reads and writes: the ClickHouse store whose analysis it shows (--store, else a
 * ClickHouse $TRACER_STORE), if any, and the DuckDB file that holds the cases (updated and undone
 * in place, which ClickHouse does not do) and, without ClickHouse, the analysis too.
 */
export function serveStores(flags: { db?: string; store?: string }, env: NodeJS.ProcessEnv = process.env): { clickhouse: string | null; db: string } {
  if (flags.db !== undefined && isClickHouseUrl(flags.db)) throw new UsageError('serve: --db takes a DuckDB file; a ClickHouse URL goes to --store');
  if (flags.store !== undefined && !isClickHouseUrl(flags.store)) {
    if (flags.db !== undefined) throw new UsageError('serve: --store and --db name two DuckDB files; give one (cases live beside a ClickHouse --store only)');
    return { clickhouse: null, db: flags.store };
  }
  const clickhouse = flags.store ?? (env[STORE_ENV] && isClickHouseUrl(env[STORE_ENV]) ? env[STORE_ENV] : null);
  return { clickhouse, db: clickhouse === null ? storeSpec({ db: flags.db }, env) : flags.db ?? DEFAULT_DB_PATH };
}

function oneLine(err: unknown): UsageError {
  return new UsageError(`serve: ${(err as Error).message.split('\n')[0]}`);
}

/** Resolves on the next Ctrl-C or SIGTERM. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/**
 * Runs the live capture feeding the dashboard and prints its summary. Ctrl-C
 * ends capture and server; when the capture ends by itself (--duration,
 * --count), the dashboard keeps showing it until Ctrl-C.
 */
async function runCapture(capture: LiveCapture, ndjson: Promise<void>, url: string): Promise<void> {
  let stopped = false;
  void interrupted().then(() => { stopped = true; capture.stop(); });
  const report = await capture.run();
  await ndjson;
  process.stderr.write(summaryLines(report).join('\n') + '\n');
  if (stopped) return;
  process.stderr.write(`tracer serve: capture ended; the dashboard stays on ${url} until Ctrl-C\n`);
  await interrupted();
}

/** `tracer serve`: the dashboard and REST API, over a store or a live capture. */
const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the dashboard (live capture or store) and the REST API on 127.0.0.1; other addresses need a token',
  usage,
  async run(argv) {
    const { own, rest } = splitArgs(argv);
    let values;
    try {
      ({ values } = parseArgs({ args: own, strict: true, options: { db: { type: 'string' }, store: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, token: { type: 'string' }, capture: { type: 'string' } } }));
    } catch (err) {
      throw oneLine(err);
    }
    if (values.capture === undefined && rest.length > 0) throw new UsageError(`serve: ${JSON.stringify(rest[0])} is a capture option or filter: it needs --capture IFACE`);
    const live = values.capture === undefined ? null : parseCaptureArgs(['-i', values.capture, ...rest]);
    const port = Number(values.port ?? 8080);
    if (!/^\d+$/.test(values.port ?? '8080') || port > 65535) throw new UsageError(`--port needs a port number, got "${values.port}"`);
    const host = values.host ?? '127.0.0.1';
    const options = { host, port, token: values.token ?? process.env.TRACER_TOKEN };
    try {
      checkServeOptions(options);
    } catch (err) {
      throw oneLine(err);
    }
    const stores = serveStores(values);
    if (stores.clickhouse !== null && live) throw new UsageError('serve: --capture stores into a DuckDB file (--db FILE), not a ClickHouse --store');
    const store: Store = await openStore(stores.db);
    const analysis = stores.clickhouse === null ? store : await openStoreFromUrl(stores.clickhouse, { existing: true });
    const events = new LiveEventStream();
    const feed = live ? LiveDashboard.follow(events, `live:${live.capture.iface}`) : new StoreDashboard(analysis);
    const server = await serve(createRouter(await serverRoutes(store, feed)), options).catch((err: unknown) => { throw oneLine(err); });
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}/`;
    process.stderr.write(`tracer serve: dashboard on ${url}${options.token ? ' (open it once with ?token=TOKEN)' : ''}\n`);
    if (!live) return new Promise<number>(() => undefined);
    const capture = new LiveCapture({
      ...live.capture, store, events, detector: engineDetector, correlate: engineCorrelator,
      onListening: () => process.stderr.write(`tracer serve: capturing on ${escapeTerminal(live.capture.iface)}\n`),
    });
    try {
      await runCapture(capture, live.ndjson ? printNdjson(events.subscribe()) : Promise.resolve(), url);
    } finally {
      server.closeAllConnections();
      server.close();
      await store.close();
    }
    return 0;
  },
};

export default serveCommand;
