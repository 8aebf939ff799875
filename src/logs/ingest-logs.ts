import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../cli/command.js';
import { recordIngest, type Store } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { version } from '../util/version.js';
import { DecompressError, isGzipFile, readLogLines } from './line-reader.js';
import { parserFor } from './log-parsers.js';
import { LineProblems, type LineProblem } from './problems.js';
import { RecordBuffer } from './record-buffer.js';
import { LOG_FORMATS, sniffLogFormat, type LogFormat } from './sniff.js';

/** How to read a log file. */
export interface LogIngestOptions {
  /** The format; sniffed from the first bytes when not given. */
  format?: LogFormat;
  /** Zone of syslog times without one (UTC, +HH:MM, IANA name). Default UTC. */
  tz?: string;
  /** Year of the first RFC 3164 line; default: inferred from the file's mtime. */
  year?: number;
  /** Called for each of the first unparseable lines, as found. */
  onProblem?: (path: string, problem: LineProblem) => void;
}

/** What one log file gave. */
export interface LogIngestReport {
  path: string;
  format: LogFormat;
  sha256: string;
  fileBytes: number;
  lines: number;
  /** Stream → records written. */
  records: Record<string, number>;
  /** Unparseable lines in all, by code, and the first few with their line numbers. */
  problems: number;
  problemCodes: Record<string, number>;
  firstProblems: LineProblem[];
  firstTs: number | null;
  lastTs: number | null;
  /** Stream → input fields no column holds (Zeek logs only). */
  droppedFields: Record<string, string[]>;
  /** Row id in the ingests table. */
  ingestId: number;
}

/** Bytes of (decompressed) text read to sniff the format: enough for a Zeek header or a few log lines. */
const SNIFF_BYTES = 8192;

async function sniffFile(path: string): Promise<LogFormat> {
  let text = '';
  try {
    for await (const line of readLogLines(path, undefined, SNIFF_BYTES)) {
      text += line.text + '\n';
      if (text.length >= SNIFF_BYTES) break;
    }
  } catch (err) {
    if (!(err instanceof DecompressError)) throw err;
  }
  const format = sniffLogFormat(Buffer.from(text));
  if (format) return format;
  throw new InputError(`${escapeTerminal(path)}: not a log Tracer reads (expected one of ${LOG_FORMATS.join(', ')})`);
}

function ioError(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException)?.code;
  return new InputError(`${escapeTerminal(path)}: cannot read${code ? ` (${code})` : ''}`);
}

/**
 * Reads the log file at `path` into `store`, streaming line by line: auth
 * events, Suricata alerts, Zeek-named streams. Unparseable lines are counted
 * and reported with their line numbers, never fatal. Records the input in the
 * ingests table (SHA-256, format, lines, first/last ts, problem codes).
 * An unreadable or unrecognised file is an InputError.
 */
export async function ingestLogFile(store: Store, path: string, opts: LogIngestOptions = {}): Promise<LogIngestReport> {
  const started = new Date().toISOString();
  const info = await stat(path).catch((err: unknown) => { throw ioError(path, err); });
  const format = opts.format ?? (await sniffFile(path).catch((err: unknown) => { throw err instanceof InputError ? err : ioError(path, err); }));
  const parser = parserFor(format, { file: basename(path), tz: opts.tz, year: opts.year, referenceMs: info.mtimeMs });
  const hash = createHash('sha256');
  const problems = new LineProblems();
  const buffer = new RecordBuffer(store);
  const compressed = await isGzipFile(path).catch((err: unknown) => { throw ioError(path, err); });
  let lines = 0;
  try {
    for await (const line of readLogLines(path, hash)) {
      lines = line.lineNo;
      const error = line.cut ? { code: 'line_too_long', reason: 'line longer than the line limit (cut)' } : parser.parseLine(line.text, line.lineNo, buffer);
      if (error) {
        const kept = problems.first.length;
        problems.add(line.lineNo, error.code, error.reason);
        if (problems.first.length > kept) opts.onProblem?.(path, problems.first[kept]);
      }
      if (buffer.pending()) await buffer.drain();
    }
  } catch (err) {
    if (!(err instanceof DecompressError)) throw ioError(path, err);
    problems.add(lines + 1, 'gzip_corrupt', err.message);
    opts.onProblem?.(path, problems.first[problems.first.length - 1]);
  }
  if (buffer.pending()) await buffer.drain();
  buffer.flush();
  const sha256 = hash.digest('hex');
  const parameters = { tz: opts.tz ?? 'UTC', year: opts.year ?? null, yearReference: opts.year === undefined ? new Date(info.mtimeMs).toISOString() : null };
  const ingestId = await recordIngest(store, {
    name: basename(path), path, sha256, fileBytes: info.size, compressed, format, packets: lines,
    firstTs: buffer.firstTs, lastTs: buffer.lastTs, linkTypes: [], anomalies: problems.byCode, problems: problems.count,
    truncated: false, tracerVersion: version, started, finished: new Date().toISOString(), parameters,
  });
  return {
    path, format, sha256, fileBytes: info.size, lines, records: buffer.counts, problems: problems.count,
    problemCodes: problems.byCode, firstProblems: problems.first, firstTs: buffer.firstTs, lastTs: buffer.lastTs,
    droppedFields: 'droppedFields' in parser ? parser.droppedFields() : {}, ingestId,
  };
}
