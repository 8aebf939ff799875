import { parseIsoTime } from './iso-time.js';
import type { ZoneToUtc } from './time-zone.js';
import type { YearInference } from './year-inference.js';

/** A syslog line split into header and message (filled in place by parseSyslogLine). */
export interface SyslogLine {
  /** Epoch seconds, UTC. */
  ts: number;
  host: string;
  /** Tag/APP-NAME: `sshd`, `sshd(pam_unix)`, `CRON`… */
  program: string;
  pid: number | null;
  message: string;
}

/** A new, empty SyslogLine to be filled. */
export function newSyslogLine(): SyslogLine {
  return { ts: 0, host: '', program: '', pid: null, message: '' };
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
/** RFC 3164: optional <PRI>, `Mmm dd hh:mm:ss[.frac]`, host, then the tag and message. */
const RFC3164 = /^(?:<\d{1,3}>)?([A-Z][a-z]{2}) ([ \d]?\d) (\d\d):(\d\d):(\d\d)(\.\d{1,6})? (\S+) (.*)$/;
/** rsyslog's high-precision file format (Debian 12, Ubuntu 24.04 auth.log): RFC 3339 time, host, then tag and message as 3164. */
const RSYSLOG_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (\S+) (.*)$/;
/** Tag `prog[pid]: ` (pid optional) at the start of a 3164 message. */
const TAG = /^([^\s:[]{1,64})(?:\[(\d{1,10})\])?: ?/;
/** RFC 5424: <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD [MSG]. */
const RFC5424 = /^<\d{1,3}>1 (\S+) (\S+) (\S+) (\S+) \S+ (-|(?:\[(?:[^\]"\\]|\\.|"(?:[^"\\]|\\.)*")*\])+)(?: (.*))?$/;
const NIL = '-';

/** What went wrong with a line that is not syslog. */
export type SyslogError = 'not_syslog' | 'bad_time';

function parse3164(m: RegExpExecArray, years: YearInference, toUtc: ZoneToUtc, out: SyslogLine): SyslogError | null {
  const month = MONTHS[m[1]];
  const day = Number(m[2]);
  const [h, mi, s] = [Number(m[3]), Number(m[4]), Number(m[5])];
  if (month === undefined || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60) return 'bad_time';
  const year = years.yearOf(month, day, h * 3600 + mi * 60 + s);
  const local = Date.UTC(year, month, day, h, mi, s);
  if (new Date(local).getUTCDate() !== day) return 'bad_time';
  out.ts = Math.round(toUtc(local) * 1000 + (m[6] ? Number(m[6]) * 1e6 : 0)) / 1e6;
  readTagged(m[7], m[8], out);
  return null;
}

/** Host, then `prog[pid]: message` (the part 3164 and rsyslog's ISO format share). */
function readTagged(host: string, rest: string, out: SyslogLine): void {
  out.host = host;
  const tag = TAG.exec(rest);
  out.program = tag ? tag[1] : '';
  out.pid = tag?.[2] ? Number(tag[2]) : null;
  out.message = tag ? rest.slice(tag[0].length) : rest;
}

function parse5424(m: RegExpExecArray, out: SyslogLine): SyslogError | null {
  const ts = parseIsoTime(m[1]);
  if (ts === null) return 'bad_time';
  out.ts = ts;
  out.host = m[2] === NIL ? '' : m[2];
  out.program = m[3] === NIL ? '' : m[3];
  out.pid = /^\d{1,10}$/.test(m[4]) ? Number(m[4]) : null;
  out.message = (m[6] ?? '').replace(/^\uFEFF/, '');
  return null;
}

/**
 * Parses an RFC 3164 (BSD, `auth.log`), rsyslog high-precision (RFC 3339
 * time first) or RFC 5424 syslog line into `out`. 3164 times have no year or
 * zone: the year comes from `years`, the zone from `toUtc`. Returns null on
 * success, else what was wrong.
 */
export function parseSyslogLine(line: string, years: YearInference, toUtc: ZoneToUtc, out: SyslogLine): SyslogError | null {
  const m3164 = RFC3164.exec(line);
  if (m3164) return parse3164(m3164, years, toUtc, out);
  const iso = RSYSLOG_ISO.exec(line);
  if (iso) {
    const ts = parseIsoTime(iso[1]);
    if (ts === null) return 'bad_time';
    out.ts = ts;
    readTagged(iso[2], iso[3], out);
    return null;
  }
  const m5424 = RFC5424.exec(line);
  if (m5424) return parse5424(m5424, out);
  return 'not_syslog';
}
