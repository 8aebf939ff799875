import { readFileSync } from 'node:fs';
import { InputError } from '../cli/command.js';
import type { BirthCertificate } from './certificate.js';
import type { DeathRecord } from './host-monitor.js';

/** A birth certificate as read back from the log, with its log position. */
export type LoggedBirth = BirthCertificate & { seq: number };

/** The births and deaths of a host log, deaths keyed by the seq of their birth. */
export interface HostLog {
  births: LoggedBirth[];
  deaths: Map<number, DeathRecord>;
  /** Time of the last record: the log says nothing after it. */
  lastTs: number;
}

/**
 * Reads a host log (NDJSON written by `tracer host watch --log`). A line that
 * is not a record is an InputError naming the file and line; run
 * `tracer host verify` to check integrity — this reader only parses.
 * @example const { births, deaths } = readHostLog('births.ndjson');
 */
export function readHostLog(path: string): HostLog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const log: HostLog = { births: [], deaths: new Map(), lastTs: 0 };
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const record = parseLine(line, path, i + 1);
    log.lastTs = Math.max(log.lastTs, record.ts);
    if (record.kind === 'birth') log.births.push(record as LoggedBirth);
    else log.deaths.set((record as DeathRecord).birth_seq, record as DeathRecord);
  });
  return log;
}

/** One record line, checked for the fields readers rely on. */
function parseLine(line: string, path: string, number: number): { kind: string; ts: number } {
  let record: { kind?: unknown; ts?: unknown; seq?: unknown; birth_seq?: unknown };
  try {
    record = JSON.parse(line) as typeof record;
  } catch {
    throw new InputError(`${path}: line ${number}: not a JSON record`);
  }
  const ok = record !== null && typeof record.ts === 'number'
    && ((record.kind === 'birth' && typeof record.seq === 'number') || (record.kind === 'death' && typeof record.birth_seq === 'number'));
  if (!ok) throw new InputError(`${path}: line ${number}: expected a birth or death record with ts and seq`);
  return record as { kind: string; ts: number };
}
