import { journaldParser } from './journald.js';
import type { LineParser } from './parser.js';
import type { LogFormat } from './sniff.js';
import { sshdSyslogParser, type SyslogOptions } from './sshd.js';
import { suricataEveParser } from './suricata-eve.js';
import { windowsSecurityParser } from './windows-security.js';
import { zeekJsonParser, zeekTsvParser, type ZeekLogParser } from './zeek-log.js';

const PARSERS: Record<LogFormat, (opts: SyslogOptions) => LineParser | ZeekLogParser> = {
  'sshd-syslog': sshdSyslogParser,
  'journald-json': journaldParser,
  'windows-json': windowsSecurityParser,
  'suricata-eve': suricataEveParser,
  'zeek-tsv': zeekTsvParser,
  'zeek-json': zeekJsonParser,
};

/** A fresh parser for `format` (parsers keep per-file state: Zeek headers, syslog years). */
export function parserFor(format: LogFormat, opts: SyslogOptions): LineParser | ZeekLogParser {
  return PARSERS[format](opts);
}
