import { authSchema } from '../store/schema/auth.js';
import { sysmonConnsSchema } from '../store/schema/sysmon-conns.js';
import { authRecord } from './auth-record.js';
import { parseIsoTime } from './iso-time.js';
import { parseJsonObject } from './json-line.js';
import type { LineError, LineParser, ParserContext, RecordSink } from './parser.js';
import { dataNumber, dataText, readWindowsEvent, type WindowsEvent } from './windows-event.js';

/** Security-log event ids read into the auth stream, with their normalised event name. */
const SECURITY_EVENTS: ReadonlyMap<number, string> = new Map([
  [4624, 'logon_success'], [4625, 'logon_failure'], [4648, 'explicit_credentials'], [4672, 'special_privileges'],
]);
const SYSMON_NETWORK_CONNECTION = 3;
const SYSMON_CHANNEL = /sysmon/i;

function emitSecurity(ev: WindowsEvent, event: string, text: string, lineNo: number, ctx: ParserContext, sink: RecordSink): void {
  const user = ev.id === 4672 ? dataText(ev, 'SubjectUserName') : dataText(ev, 'TargetUserName');
  const port = dataNumber(ev, 'IpPort');
  sink.emit(authSchema, authRecord({
    ts: ev.ts, host: ev.computer, service: ev.channel ?? 'Security', pid: dataNumber(ev, 'ProcessId'), event, user,
    invalidUser: ev.id === 4625 && dataText(ev, 'SubStatus')?.toLowerCase() === '0xc0000064',
    srcIp: dataText(ev, 'IpAddress'), srcPort: port === 0 ? null : port,
    method: dataText(ev, 'AuthenticationPackageName') ?? dataText(ev, 'LogonProcessName'), logonType: dataNumber(ev, 'LogonType'), count: 1,
    rawLine: text, sourceFile: ctx.file, sourceLine: lineNo,
  }));
}

function emitSysmonConnection(ev: WindowsEvent, lineNo: number, ctx: ParserContext, sink: RecordSink): void {
  const utc = dataText(ev, 'UtcTime');
  sink.emit(sysmonConnsSchema, {
    ts: (utc === null ? null : parseIsoTime(utc)) ?? ev.ts, host: ev.computer, pid: dataNumber(ev, 'ProcessId'),
    image: dataText(ev, 'Image'), user: dataText(ev, 'User'), proto: dataText(ev, 'Protocol')?.toLowerCase() ?? null,
    initiated: dataText(ev, 'Initiated')?.toLowerCase() === 'true',
    src_ip: dataText(ev, 'SourceIp'), src_port: dataNumber(ev, 'SourcePort'),
    dst_ip: dataText(ev, 'DestinationIp'), dst_port: dataNumber(ev, 'DestinationPort'),
    source_file: ctx.file, source_line: lineNo,
  });
}

/**
 * Windows events as JSON lines (Winlogbeat, python-evtx/evtx_dump, flat):
 * Security 4624/4625/4648/4672 into the auth stream and Sysmon event 3 into
 * sysmon_conns. Other events are skipped.
 */
export function windowsSecurityParser(ctx: ParserContext): LineParser {
  return {
    format: 'windows-json',
    parseLine(text: string, lineNo: number, sink: RecordSink): LineError | null {
      if (text === '') return null;
      const obj = parseJsonObject(text);
      if (!obj) return { code: 'bad_json', reason: 'not a JSON object' };
      const ev = readWindowsEvent(obj);
      if (!ev) return { code: 'windows_no_event', reason: 'no event id or time' };
      const event = SECURITY_EVENTS.get(ev.id);
      if (event && !SYSMON_CHANNEL.test(ev.channel ?? '')) emitSecurity(ev, event, text, lineNo, ctx, sink);
      else if (ev.id === SYSMON_NETWORK_CONNECTION && SYSMON_CHANNEL.test(ev.channel ?? 'sysmon')) emitSysmonConnection(ev, lineNo, ctx, sink);
      return null;
    },
  };
}
