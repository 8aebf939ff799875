import { parseJsonObject } from './json-line.js';

/** Log formats Tracer reads, as recorded in the ingests table. */
export const LOG_FORMATS = ['sshd-syslog', 'journald-json', 'windows-json', 'suricata-eve', 'zeek-tsv', 'zeek-json'] as const;
/** One of LOG_FORMATS. */
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Lines looked at when sniffing: enough to pass a few broken or blank lines at the top. */
const SNIFF_LINES = 20;
const SYSLOG_3164 = /^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \S/;
const SYSLOG_5424 = /^<\d{1,3}>1 \d{4}-\d\d-\d\dT/;
const SYSLOG_RSYSLOG_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) \S+ \S/;

function jsonFormat(text: string): LogFormat | null {
  const obj = parseJsonObject(text);
  if (!obj) return null;
  if ('event_type' in obj && 'timestamp' in obj) return 'suricata-eve';
  if ('__REALTIME_TIMESTAMP' in obj) return 'journald-json';
  if ('winlog' in obj || 'Event' in obj || 'EventID' in obj || 'EventId' in obj) return 'windows-json';
  if ('_path' in obj || ('ts' in obj && ('uid' in obj || 'id.orig_h' in obj))) return 'zeek-json';
  return null;
}

function lineFormat(line: string): LogFormat | null {
  if (line.startsWith('#separator') || line.startsWith('#fields')) return 'zeek-tsv';
  if (line.startsWith('{')) return jsonFormat(line);
  if (SYSLOG_3164.test(line) || SYSLOG_5424.test(line) || SYSLOG_RSYSLOG_ISO.test(line)) return 'sshd-syslog';
  return null;
}

/**
 * The log format of a file from its first bytes (a few KiB): the first of
 * its first lines that identifies one. Null when none does (a capture, a
 * binary, an unknown log). A JSON line cut by the end of `firstBytes` is
 * ignored.
 */
export function sniffLogFormat(firstBytes: Uint8Array): LogFormat | null {
  const text = Buffer.from(firstBytes.buffer, firstBytes.byteOffset, firstBytes.byteLength).toString('utf8');
  const lines = text.split('\n', SNIFF_LINES);
  for (const raw of lines) {
    const format = lineFormat(raw.replace(/\r$/, '').replace(/^\uFEFF/, ''));
    if (format) return format;
  }
  return null;
}
