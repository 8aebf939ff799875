import { readLogLines } from '../line-reader.js';
import type { LineError, LineParser, RecordSink } from '../parser.js';
import type { LogRecord, LogSchema } from '../../store/schema/types.js';

/** What a parser gave for some lines: records by stream and the unreadable lines. */
export interface Collected {
  records: Record<string, LogRecord[]>;
  errors: Array<LineError & { line: number }>;
}

function collector(): Collected & RecordSink {
  const records: Record<string, LogRecord[]> = {};
  return {
    records,
    errors: [],
    emit(schema: LogSchema, rec: LogRecord): void {
      (records[schema.name] ??= []).push(rec);
    },
  };
}

/** Runs `parser` over `lines` (line numbers from 1). */
export function parseLines(parser: LineParser, lines: readonly string[]): Collected {
  const out = collector();
  lines.forEach((text, i) => {
    const error = parser.parseLine(text, i + 1, out);
    if (error) out.errors.push({ ...error, line: i + 1 });
  });
  return out;
}

/** Runs `parser` over the lines of the file at `path`. */
export async function parseFile(parser: LineParser, path: string): Promise<Collected> {
  const out = collector();
  for await (const line of readLogLines(path)) {
    const error = parser.parseLine(line.text, line.lineNo, out);
    if (error) out.errors.push({ ...error, line: line.lineNo });
  }
  return out;
}

/** Number of records per value of `key`. */
export function countBy(records: readonly LogRecord[] | undefined, key: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records ?? []) counts[String(r[key])] = (counts[String(r[key])] ?? 0) + 1;
  return counts;
}
