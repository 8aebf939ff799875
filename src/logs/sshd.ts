import { authSchema } from '../store/schema/auth.js';
import { authRecord } from './auth-record.js';
import type { LineError, LineParser, ParserContext, RecordSink } from './parser.js';
import { classifySshdMessage, newSshdEvent, type SshdEvent } from './sshd-message.js';
import { newSyslogLine, parseSyslogLine } from './syslog-header.js';
import { zoneToUtc } from './time-zone.js';
import { YearInference, type YearOptions } from './year-inference.js';

/** Options of the syslog reader. */
export interface SyslogOptions extends ParserContext, YearOptions {
  /** Zone of RFC 3164 times (they carry none): UTC, +HH:MM or an IANA name. Default UTC. */
  tz?: string;
}

/** Programs whose messages are sshd's: the daemon and its PAM module as older syslogs name it. */
const SSHD_PROGRAM = /^sshd(?:\(pam_unix\)|-session)?$/;

/** Where and when an sshd message was logged. */
export interface SshdOrigin {
  ts: number;
  host: string | null;
  service: string;
  pid: number | null;
  rawLine: string;
  sourceFile: string;
  sourceLine: number;
}

/** Writes the auth record of one classified sshd message (`message repeated N times` is one record with count N). */
export function emitSshdEvent(sink: RecordSink, ev: SshdEvent, at: SshdOrigin): void {
  // Fields spelled out, not spread: a spread here made this the parser's slowest step (dictionary-mode objects).
  sink.emit(authSchema, authRecord({
    ts: at.ts, host: at.host, service: at.service, pid: at.pid, event: ev.event, user: ev.user, invalidUser: ev.invalidUser,
    srcIp: ev.srcIp, srcPort: ev.srcPort, method: ev.method, logonType: null, count: ev.repeat,
    rawLine: at.rawLine, sourceFile: at.sourceFile, sourceLine: at.sourceLine,
  }));
}

/**
 * OpenSSH through syslog (auth.log, /var/log/secure, messages): RFC 3164
 * with year inference and an explicit zone, or RFC 5424. Lines of other
 * programs are skipped; lines that are not syslog are errors.
 */
export function sshdSyslogParser(opts: SyslogOptions): LineParser {
  const years = new YearInference(opts);
  const toUtc = zoneToUtc(opts.tz ?? 'UTC');
  const line = newSyslogLine();
  const event = newSshdEvent();
  return {
    format: 'sshd-syslog',
    parseLine(text: string, lineNo: number, sink: RecordSink): LineError | null {
      if (text === '') return null;
      const error = parseSyslogLine(text, years, toUtc, line);
      if (error === 'bad_time') return { code: 'syslog_bad_time', reason: 'impossible date or time in the syslog header' };
      if (error) return { code: 'not_syslog', reason: 'not an RFC 3164 or RFC 5424 syslog line' };
      if (!SSHD_PROGRAM.test(line.program) || !classifySshdMessage(line.message, event)) return null;
      emitSshdEvent(sink, event, { ts: line.ts, host: line.host || null, service: line.program, pid: line.pid, rawLine: text, sourceFile: opts.file, sourceLine: lineNo });
      return null;
    },
  };
}
