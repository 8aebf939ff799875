import type { Alert, Severity } from '../detect/alert.js';
import { count } from '../detect/sql-detector.js';
import type { Row } from '../store/duckdb.js';
import type { HostScope } from './hosts.js';
import type { TimelineEvent } from './model.js';
import { alertTactic, idsTactic } from './tactics.js';

/** An alert as a timeline event; host-log guessing counts as a log event, intel as intel. */
export function alertEvent(alert: Alert, scope: HostScope): TimelineEvent {
  const kind = alert.detector === 'intel_match' ? 'intel' : alert.detector === 'auth_guessing' ? 'auth' : 'alert';
  const uids = Array.isArray(alert.evidence.uids) ? (alert.evidence.uids as string[]) : [];
  return {
    ts: alert.firstSeen, end: alert.lastSeen, kind, source: alert.detector, tactic: alertTactic(alert, scope.isInternal(alert.src)),
    severity: alert.severity, src: alert.src, dst: alert.dst, summary: alert.explanation, ref: { alertId: alert.id, uids },
  };
}

/**
 * An accepted login from the host logs. It is high severity when the same source had
 * failed logins on that server before (`guessedBefore`), else informational.
 */
export function loginEvent(row: Row, guessedBefore: boolean, scope: HostScope): TimelineEvent {
  const src = String(row.src_ip);
  const server = String(row.server);
  const where = server === row.host ? String(row.host) : `${row.host} (${server})`;
  const lateral = scope.isInternal(src) && scope.isInternal(server);
  return {
    ts: Number(row.ts), end: Number(row.ts), kind: 'auth', source: 'auth', tactic: lateral ? 'lateral-movement' : 'initial-access',
    severity: guessedBefore ? 'high' : 'info', src, dst: [server], ...(row.user !== null && { user: String(row.user) }),
    summary: `${row.source_file} on ${where} shows an accepted ${row.method ?? 'login'} for ${JSON.stringify(String(row.user))} from ${src}${row.src_port === null ? '' : ` port ${row.src_port}`}.`,
    ref: { file: String(row.source_file), line: Number(row.source_line), uids: row.uid === null ? [] : [String(row.uid)] },
  };
}

/** Suricata priority (1 highest) as a severity. */
function prioritySeverity(priority: number): Severity {
  return priority <= 1 ? 'high' : priority === 2 ? 'medium' : priority === 3 ? 'low' : 'info';
}

/** A grouped Suricata alert or Zeek notice as a timeline event. */
export function idsEvent(row: Row, scope: HostScope): TimelineEvent {
  const src = String(row.src);
  const dst = row.dst === null ? [] : [String(row.dst)];
  const label = row.source === 'suricata' ? `Suricata: ${row.title}` : `Zeek notice ${row.title}: ${row.category ?? ''}`.trim();
  const times = Number(row.n) > 1 ? ` (${count(row.n)} times)` : '';
  return {
    ts: Number(row.ts), end: Number(row.end_ts), kind: 'ids', source: String(row.source),
    tactic: idsTactic(`${row.title} ${row.category ?? ''}`, scope.isInternal(src)), severity: prioritySeverity(Number(row.priority ?? 3)),
    src, dst, summary: `${label}, ${src}${dst.length ? ` → ${dst[0]}` : ''}${times}.`,
    ref: row.file === null ? {} : { file: String(row.file), line: Number(row.line) },
  };
}

/** A process the host sensor or Sysmon tied to one of an incident's connections. */
export function processEvent(row: Row): TimelineEvent {
  const lineage = ((row.lineage ?? []) as string[]).map((entry) => entry.split(':')[1] ?? entry).filter(Boolean);
  const chain = lineage.length > 1 ? ` (${[...lineage].reverse().join(' → ')})` : '';
  const user = row.user === null ? '' : ` as ${row.user}`;
  return {
    ts: Number(row.ts), end: Number(row.ts), kind: 'host', source: String(row.source), tactic: 'execution', severity: 'medium',
    src: String(row.host), dst: [String(row.remote)],
    summary: `On ${row.host}, process ${row.process} (pid ${row.pid})${chain}${user} opened the connection to ${row.remote}:${row.remote_p}.`,
    ref: { uids: [String(row.uid)] },
  };
}
