import { parseJsonObject, numberAt, stringAt, type JsonObject } from './json-line.js';
import type { LineError, LineParser, ParserContext, RecordSink } from './parser.js';
import { emitSshdEvent } from './sshd.js';
import { classifySshdMessage, newSshdEvent } from './sshd-message.js';

/** Identifiers of sshd in the journal (SYSLOG_IDENTIFIER, else _COMM). */
const SSHD_IDENTIFIERS: ReadonlySet<string> = new Set(['sshd', 'sshd-session']);
const MICROS_PER_SECOND = 1e6;

/** MESSAGE as text: journald writes non-UTF-8 messages as an array of byte values. */
function messageOf(entry: JsonObject): string | null {
  const m = entry.MESSAGE;
  if (typeof m === 'string') return m;
  if (!Array.isArray(m) || !m.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return null;
  return Buffer.from(m as number[]).toString('utf8');
}

/**
 * `journalctl -o json` export (one JSON object per line): sshd entries into
 * the auth stream. Times are __REALTIME_TIMESTAMP (UTC microseconds), so no
 * zone or year is needed.
 */
export function journaldParser(ctx: ParserContext): LineParser {
  const event = newSshdEvent();
  return {
    format: 'journald-json',
    parseLine(text: string, lineNo: number, sink: RecordSink): LineError | null {
      if (text === '') return null;
      const entry = parseJsonObject(text);
      if (!entry) return { code: 'bad_json', reason: 'not a JSON object' };
      const micros = numberAt(entry, '__REALTIME_TIMESTAMP');
      if (micros === null) return { code: 'journald_no_time', reason: 'no __REALTIME_TIMESTAMP' };
      const program = stringAt(entry, 'SYSLOG_IDENTIFIER') ?? stringAt(entry, '_COMM') ?? '';
      const message = messageOf(entry);
      if (!SSHD_IDENTIFIERS.has(program) || message === null || !classifySshdMessage(message, event)) return null;
      emitSshdEvent(sink, event, {
        ts: micros / MICROS_PER_SECOND, host: stringAt(entry, '_HOSTNAME'), service: program, pid: numberAt(entry, '_PID'),
        rawLine: message, sourceFile: ctx.file, sourceLine: lineNo,
      });
      return null;
    },
  };
}
