import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaptureReadResult } from '../capture/index.js';
import type { CaptureProblem } from '../capture/packet.js';
import { InputError } from '../cli/command.js';
import type { LineProblem } from '../logs/index.js';
import type { FlowTable, FlowTableOptions } from '../flow/index.js';
import { openStoreFromUrl } from '../store/clickhouse/open.js';
import { recordIngest, type Store } from '../store/duckdb.js';
import { allSchemas } from '../store/schema/index.js';
import { version } from '../util/version.js';
import { CapturePipeline } from './capture-pipeline.js';
import { StreamWriters } from './stream-writers.js';

/** What to ingest and how. */
export interface IngestOptions {
  /** A DuckDB file, or `clickhouse://HOST:PORT/DB`. */
  dbPath: string;
  inputs: string[];
  /** Flow-table settings (timeouts, budget, local networks). */
  flow?: Partial<Omit<FlowTableOptions, 'onConn' | 'weird' | 'analyzers'>>;
  /** Ingest a file again even when the store already holds one with its name and size. */
  force?: boolean;
  /** Run the application-layer analyzers (DNS, HTTP, TLS, SSH, FTP). Default true. */
  appLayer?: boolean;
  onProgress?: (input: string, bytesRead: number, totalBytes: number | null, packets: number) => void;
  /** Called for each damaged spot in a capture file, as it is found. */
  onProblem?: (input: string, problem: CaptureProblem) => void;
  /** Logs (inputs that are not captures): zone of times without one, and year of RFC 3164 lines. */
  tz?: string;
  year?: number;
  /** Called for each of the first unparseable lines of a log, as found. */
  onLogProblem?: (input: string, problem: LineProblem) => void;
}

/** What one input contributed. */
export interface InputReport {
  path: string;
  /** A packet capture, or a log read by src/logs (auth.log, EVE JSON, Zeek logs…). */
  kind: 'capture' | 'log';
  /** pcap/pcapng, or the log format. */
  format: string;
  sha256: string;
  fileBytes: number;
  packets: number;
  firstTs: number | null;
  lastTs: number | null;
  problems: number;
  truncated: boolean;
  anomalies: Record<string, number>;
  /** Log lines read (logs only). */
  lines?: number;
  /** Set when the input could not be read at all (then nothing else is). */
  error?: string;
}

/** Totals of one ingest run. */
export interface IngestReport {
  inputs: InputReport[];
  connections: number;
  records: Record<string, number>;
  flow: ReturnType<FlowTable['stats']>;
  /** TCP reassembly totals (absent with appLayer false). */
  reassembly?: { gaps: number; gapBytes: number; droppedSegments: number };
  seconds: number;
}

/**
 * Reads captures (and logs: any input that is not a capture goes to src/logs),
 * decodes every packet, tracks connections, runs the
 * application analyzers and appends every log stream to the store (DuckDB or ClickHouse).
 * Files given together are treated as one continuous capture (as rotated
 * files are), so a connection spanning two files is one record.
 */
export async function ingest(opts: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const store = await openStoreFromUrl(opts.dbPath);
  try {
    for (const schema of allSchemas) await store.ensure(schema);
    // uids are deterministic: the same inputs into a fresh store give the same uids, and a
    // later ingest into the same store starts from a different seed so uids never collide.
    const [{ n: priorIngests }] = await store.all('SELECT count(*) AS n FROM ingests');
    const uidSeed = `${priorIngests}:${opts.inputs.map((p) => basename(p)).join('|')}`;
    const writers = new StreamWriters(store);
    const pipeline = new CapturePipeline(writers, uidSeed, opts);
    const reports: InputReport[] = [];
    const logRecords: Record<string, number> = {};
    for (const path of opts.inputs) {
      const started = new Date().toISOString();
      try {
        if (!opts.force) await refuseDuplicate(store, path);
        const { summary, anomalies } = await pipeline.read(path);
        reports.push(await recordCapture(store, opts, path, summary, anomalies, started));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        if (!err.message.includes('unknown file format') || path === '-') { reports.push(unreadable(path, err.message)); continue; }
        writers.flush();
        reports.push(await readLogInput(store, path, opts, logRecords, err.message));
      }
    }
    pipeline.finish();
    writers.flush();
    return { inputs: reports, connections: writers.count('conn'), records: sumCounts(writers.counts(), logRecords), flow: pipeline.flowStats(), reassembly: pipeline.reassembly(), seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}

/** Records a capture that was read in the `ingests` table and returns its report. */
export async function recordCapture(store: Store, opts: IngestOptions, path: string, summary: CaptureReadResult, anomalies: Record<string, number>, started: string): Promise<InputReport> {
  await recordIngest(store, {
    name: basename(path), path, sha256: summary.sha256, fileBytes: summary.fileBytes, compressed: summary.compressed,
    format: summary.format, packets: summary.packets, firstTs: summary.firstTs, lastTs: summary.lastTs,
    linkTypes: summary.linkTypes, anomalies, problems: summary.problems, truncated: summary.truncated,
    tracerVersion: version, started, finished: new Date().toISOString(),
    parameters: { appLayer: opts.appLayer !== false, flow: opts.flow ?? {} },
  });
  return {
    path, kind: 'capture', format: summary.format, sha256: summary.sha256, fileBytes: summary.fileBytes, packets: summary.packets,
    firstTs: summary.firstTs, lastTs: summary.lastTs, problems: summary.problems, truncated: summary.truncated, anomalies,
  };
}

/**
 * Reads an input that is not a capture as a log (src/logs), adding its record counts to
 * `records`; one that is neither becomes an unreadable report naming both reasons.
 */
export async function readLogInput(store: Store, path: string, opts: IngestOptions, records: Record<string, number>, notCapture: string): Promise<InputReport> {
  try {
    // Loaded on demand: the log parsers are needed only for inputs that are not captures.
    const { ingestLogFile } = await import('../logs/index.js');
    const log = await ingestLogFile(store, path, { tz: opts.tz, year: opts.year, onProblem: opts.onLogProblem });
    for (const [stream, n] of Object.entries(log.records)) records[stream] = (records[stream] ?? 0) + n;
    return {
      path, kind: 'log', format: log.format, sha256: log.sha256, fileBytes: log.fileBytes, packets: 0, lines: log.lines,
      firstTs: log.firstTs, lastTs: log.lastTs, problems: log.problems, truncated: false, anomalies: log.problemCodes,
    };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return unreadable(path, `${notCapture}, and not a log format Tracer reads (${err.message})`);
  }
}

/** Throws an InputError when the store already holds this file (same name and size): ingesting it twice would double every record. */
export async function refuseDuplicate(store: Store, path: string): Promise<void> {
  if (path === '-') return;
  let size: number;
  try { size = statSync(path).size; } catch { return; }
  const [prior] = await store.all('SELECT sha256, finished FROM ingests WHERE input = ? AND file_bytes = ? LIMIT 1', [basename(path), size]);
  if (prior) throw new InputError(`${path} is already in the store (sha256 ${prior.sha256}, ingested ${prior.finished}); use --force to ingest it again`);
}

/** The report of an input that could not be read at all. */
export function unreadable(path: string, error: string): InputReport {
  return { path, kind: 'capture', format: '', sha256: '', fileBytes: 0, packets: 0, firstTs: null, lastTs: null, problems: 0, truncated: false, anomalies: {}, error };
}

/** Adds two stream → count maps. */
export function sumCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
