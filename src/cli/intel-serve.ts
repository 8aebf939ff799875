import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadEnricherModule, type NamedEnricher } from '../intel/enrichers/enricher.js';
import { createIntelApi } from '../intel/http/api.js';
import { serveFetch } from '../intel/http/node-adapter.js';
import { IntelMetrics } from '../intel/metrics.js';
import { mispEnricher } from '../intel/misp/rest-search.js';
import type { ServerContext } from '../intel/server/connection.js';
import { DEFAULT_LIMITS } from '../intel/server/limits.js';
import { LookupLog } from '../intel/server/lookup-log.js';
import { startIntelServer } from '../intel/server/tcp-server.js';
import { loadIndexSet } from '../intel/sources.js';
import { UsageError, type Command } from './command.js';
import { serveUsage as usage } from './intel-usage.js';
import { problemPrinter } from './intel-problems.js';

const serveCommand: Command = {
  name: 'intel serve',
  summary: 'CyberTrace/KUMA enrichment server',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        feed: { type: 'string', multiple: true, default: [] }, tix: { type: 'string', multiple: true, default: [] },
        enricher: { type: 'string', multiple: true, default: [] }, 'misp-url': { type: 'string' },
        'misp-cache': { type: 'string', default: '10000' }, 'misp-ttl': { type: 'string', default: '300' },
        host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '16666' }, 'http-port': { type: 'string' },
        'max-line-bytes': { type: 'string' }, 'idle-seconds': { type: 'string' }, 'line-seconds': { type: 'string' },
        'max-connections': { type: 'string' }, log: { type: 'string', default: '-' },
      },
    });
    const enrichers: NamedEnricher[] = [];
    for (const path of values.enricher) enrichers.push(await loadEnricherModule(path));
    if (values['misp-url']) {
      const key = process.env.TRACER_MISP_KEY;
      if (!key) throw new UsageError('--misp-url needs the API key in $TRACER_MISP_KEY');
      enrichers.push(mispEnricher({ url: values['misp-url'], key, cacheEntries: count(values['misp-cache'], '--misp-cache'), cacheTtlMs: count(values['misp-ttl'], '--misp-ttl') * 1000, toIdsOnly: true }));
    }
    if (values.feed.length + values.tix.length + enrichers.length === 0) throw new UsageError('intel serve needs at least one --feed, --tix, --enricher or --misp-url');
    const problems = problemPrinter(process.stderr);
    const specs = { feeds: values.feed, tix: values.tix };
    const holder = { current: loadIndexSet(specs, problems.print) };
    problems.finish();
    const metrics = new IntelMetrics();
    metrics.indexRecords = holder.current.records;
    const logStream = values.log === 'none' ? null : values.log === '-' ? process.stderr : createWriteStream(values.log, { flags: 'a' });
    const limits = {
      ...DEFAULT_LIMITS,
      ...(values['max-line-bytes'] && { maxLineBytes: count(values['max-line-bytes'], '--max-line-bytes') }),
      ...(values['idle-seconds'] && { idleMs: count(values['idle-seconds'], '--idle-seconds') * 1000 }),
      ...(values['line-seconds'] && { lineMs: count(values['line-seconds'], '--line-seconds') * 1000 }),
      ...(values['max-connections'] && { maxConnections: count(values['max-connections'], '--max-connections') }),
    };
    const context: ServerContext = { holder, enrichers, limits, log: new LookupLog(logStream), metrics, now: () => Date.now() / 1000 };
    const tcp = await startIntelServer(context, { host: values.host, port: count(values.port, '--port') });
    process.stderr.write(`tracer intel: CyberTrace protocol on ${tcp.address.address}:${tcp.address.port}, ${holder.current.records} indicators\n`);
    let http: Awaited<ReturnType<typeof serveFetch>> | undefined;
    if (values['http-port'] !== undefined) {
      http = await serveFetch(createIntelApi(context), { host: values.host, port: count(values['http-port'], '--http-port') });
      process.stderr.write(`tracer intel: HTTP API on http://${http.address.address}:${http.address.port}\n`);
    }
    process.on('SIGHUP', () => {
      try {
        holder.current = loadIndexSet(specs, (p) => context.log.problem('feed_problem', { file: p.file, line: p.line, message: p.message }));
        metrics.indexRecords = holder.current.records;
        metrics.reloadsTotal++;
        context.log.problem('reloaded', { records: holder.current.records });
      } catch (err) {
        context.log.problem('reload_failed', { error: (err as Error).message });
      }
    });
    await new Promise<void>((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
    http?.server.close();
    http?.server.closeAllConnections();
    await tcp.close();
    return 0;
  },
};

function count(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${option} must be a whole number, got "${text}"`);
  return n;
}

export default serveCommand;
