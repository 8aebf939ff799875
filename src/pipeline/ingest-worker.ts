/**
 * Worker thread of a parallel ingest: reads one capture file per job through its own
 * CapturePipeline and posts the records back in batches; the main thread writes them.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../cli/command.js';
import type { LogRecord } from '../store/schema/types.js';
import { CapturePipeline, type CapturePipelineOptions, type RecordSink } from './capture-pipeline.js';
import type { WorkerJob, WorkerMessage } from './worker-protocol.js';

/** Records per posted batch: large enough that messaging costs little per record. */
const POST_ROWS = 4096;

const port = parentPort;
if (!port) throw new Error('ingest-worker.ts runs only as a worker thread');

/** Buffers records per stream and posts them in batches. */
class PostingSink implements RecordSink {
  private readonly buffers = new Map<string, LogRecord[]>();
  private readonly appenders = new Map<string, { append(rec: LogRecord): void }>();

  get(stream: string): { append(rec: LogRecord): void } {
    let appender = this.appenders.get(stream);
    if (!appender) {
      const rows: LogRecord[] = [];
      this.buffers.set(stream, rows);
      appender = { append: (rec) => { if (rows.push(rec) >= POST_ROWS) this.post(stream); } };
      this.appenders.set(stream, appender);
    }
    return appender;
  }

  private post(stream: string): void {
    const rows = this.buffers.get(stream)!;
    if (rows.length === 0) return;
    send({ kind: 'records', stream, rows: rows.splice(0) });
  }

  flush(): void {
    for (const stream of this.buffers.keys()) this.post(stream);
  }
}

function send(msg: WorkerMessage): void {
  port!.postMessage(msg);
}

port.on('message', (job: WorkerJob) => {
  void (async () => {
    const sink = new PostingSink();
    const opts: CapturePipelineOptions = {
      ...job.options,
      onProgress: (_input, done, total, packets) => send({ kind: 'progress', done, total, packets }),
      onProblem: (_input, problem) => send({ kind: 'problem', problem }),
    };
    const pipeline = new CapturePipeline(sink, job.uidSeed, opts);
    try {
      const { summary, anomalies } = await pipeline.read(job.path);
      pipeline.finish();
      sink.flush();
      send({ kind: 'done', summary, anomalies, flow: pipeline.flowStats(), reassembly: pipeline.reassembly() });
    } catch (err) {
      sink.flush();
      send({ kind: 'failed', message: err instanceof Error ? err.message : String(err), inputError: err instanceof InputError });
    }
  })();
});
