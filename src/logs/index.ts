/**
 * Log inputs: host and sensor logs (sshd via syslog/journald, Windows
 * Security/Sysmon, Suricata EVE, Zeek TSV/JSON) read into the store beside
 * what captures give, for correlation.
 */
export { ingestLogFile, type LogIngestOptions, type LogIngestReport } from './ingest-logs.js';
export { LOG_FORMATS, sniffLogFormat, type LogFormat } from './sniff.js';
export { formatLineProblem, type LineProblem } from './problems.js';
export { zoneToUtc } from './time-zone.js';
