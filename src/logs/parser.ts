import type { LogRecord, LogSchema } from '../store/schema/types.js';

/** Where parsers put their records. */
export interface RecordSink {
  /** Takes one record of `schema` (the sink may keep it: parsers build a new one per record). */
  emit(schema: LogSchema, rec: LogRecord): void;
}

/** Why a line could not be read: a stable snake_case code and a few words. */
export interface LineError {
  code: string;
  reason: string;
}

/** A parser of one log format, fed line by line. */
export interface LineParser {
  /** Format name recorded with the ingest (`sshd-syslog`, `zeek-tsv`…). */
  readonly format: string;
  /** Reads line `lineNo`; emits what it holds into `sink`; returns null, or why the line is unreadable. */
  parseLine(text: string, lineNo: number, sink: RecordSink): LineError | null;
}

/** What every parser is told about its input. */
export interface ParserContext {
  /** File name stored with each record as its source. */
  file: string;
}
