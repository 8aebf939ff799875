import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, UsageError } from '../cli/command.js';
import { openStoreFromUrl } from '../store/clickhouse/open.js';
import { newFlowStats } from '../flow/flow-stats.js';
import { allSchemas } from '../store/schema/index.js';
import { readLogInput, recordCapture, refuseDuplicate, sumCounts, unreadable, type IngestOptions, type IngestReport, type InputReport } from './ingest.js';
import { StreamWriters } from './stream-writers.js';
import type { WorkerJob, WorkerMessage } from './worker-protocol.js';

/** Workers to use by default: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, cpus().length);
}

/** Starts an ingest worker thread (through tsx when running from the TypeScript sources). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./ingest-worker.js', here));
  // tsx's ESM entry (its CommonJS one cannot be imported from a data: URL).
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register();
await import(${JSON.stringify(new URL('./ingest-worker.ts', here).href)});`;
  return new Worker(new URL('data:text/javascript,' + encodeURIComponent(boot)));
}

type Flow = IngestReport['flow'];
type Reassembly = NonNullable<IngestReport['reassembly']>;

/** Sums the flow counters of two captures (maxActive: the larger). */
function addFlow(a: Flow | undefined, b: Flow): Flow {
  if (!a) return { ...b };
  const out: Flow = { ...a };
  for (const k of Object.keys(b) as (keyof Flow)[]) out[k] = k === 'maxActive' ? Math.max(a[k], b[k]) : a[k] + b[k];
  return out;
}

/**
 * Ingests many captures in parallel: each input file is its own capture, read by one of
 * `workers` worker threads (decode, flows, analyzers); this thread writes every record to the
 * store (DuckDB has a single writer; for ClickHouse the batches are queued the same way).
 * Inputs that are not captures are then read as logs here. Reports keep the input order.
 */
export async function ingestParallel(opts: IngestOptions & { workers: number }): Promise<IngestReport> {
  if (opts.inputs.includes('-')) throw new UsageError('--workers reads files only; ingest stdin (-) without --workers');
  const started = performance.now();
  const store = await openStoreFromUrl(opts.dbPath);
  const pool: Worker[] = [];
  try {
    for (const schema of allSchemas) await store.ensure(schema);
    const [{ n: priorIngests }] = await store.all('SELECT count(*) AS n FROM ingests');
    const writers = new StreamWriters(store);
    const reports: InputReport[] = new Array(opts.inputs.length);
    const notCaptures: { index: number; message: string }[] = [];
    let flow: Flow | undefined;
    const reassembly: Reassembly = { gaps: 0, gapBytes: 0, droppedSegments: 0 };
    let recording = Promise.resolve();
    let next = 0;

    const runJob = (worker: Worker, index: number): Promise<void> => new Promise((resolve, reject) => {
      const path = opts.inputs[index];
      const jobStarted = new Date().toISOString();
      const onMessage = (msg: WorkerMessage): void => {
        if (msg.kind === 'records') { const w = writers.get(msg.stream); for (const r of msg.rows) w.append(r); return; }
        if (msg.kind === 'progress') { opts.onProgress?.(path, msg.done, msg.total, msg.packets); return; }
        if (msg.kind === 'problem') { opts.onProblem?.(path, msg.problem); return; }
        worker.off('message', onMessage);
        worker.off('error', reject);
        if (msg.kind === 'failed') {
          if (!msg.inputError) { reject(new Error(`${path}: ${msg.message}`)); return; }
          if (msg.message.includes('unknown file format')) notCaptures.push({ index, message: msg.message });
          else reports[index] = unreadable(path, msg.message);
          resolve();
          return;
        }
        flow = addFlow(flow, msg.flow);
        if (msg.reassembly) for (const k of Object.keys(reassembly) as (keyof Reassembly)[]) reassembly[k] += msg.reassembly[k];
        // One ingests row at a time: ids are max(id) + 1.
        recording = recording.then(async () => { reports[index] = await recordCapture(store, opts, path, msg.summary, msg.anomalies, jobStarted); });
        recording.then(resolve, reject);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      const job: WorkerJob = { path, uidSeed: `${priorIngests}:${index}:${basename(path)}`, options: { flow: opts.flow, appLayer: opts.appLayer } };
      worker.postMessage(job);
    });

    const drive = async (worker: Worker): Promise<void> => {
      while (next < opts.inputs.length) {
        const index = next++;
        if (!opts.force) {
          try {
            await refuseDuplicate(store, opts.inputs[index]);
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
            reports[index] = unreadable(opts.inputs[index], err.message);
            continue;
          }
        }
        await runJob(worker, index);
      }
    };
    const n = Math.max(1, Math.min(opts.workers, opts.inputs.length));
    for (let i = 0; i < n; i++) pool.push(startWorker());
    await Promise.all(pool.map(drive));
    const logRecords: Record<string, number> = {};
    for (const { index, message } of notCaptures) {
      writers.flush();
      reports[index] = await readLogInput(store, opts.inputs[index], opts, logRecords, message);
    }
    writers.flush();
    return {
      inputs: reports, connections: writers.count('conn'), records: sumCounts(writers.counts(), logRecords),
      flow: flow ?? newFlowStats(), reassembly: opts.appLayer === false ? undefined : reassembly, seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
    await store.close();
  }
}

