import { escapeTerminal } from '../util/escape.js';
import type { LiveConnection } from './host-monitor.js';
import { summarizeLifetimes } from './lifetimes.js';
import { currentRisk, type Risk } from './live-risk.js';

/** Running totals shown above the table. */
export interface WatchTotals {
  births: number;
  deaths: number;
  unseenTcp: number;
  unattributed: number;
  deniedProcesses: number;
}

/** Widest command-line column: longer lines are cut with an ellipsis. */
const CMDLINE_WIDTH = 60;

/**
 * The htop-like screen of `tracer host watch`: lifetime figures, what polling
 * missed, then the top `top` live connections by current risk (long-lived
 * ones gain risk as they age). Every string from /proc is escaped for the
 * terminal, since process names and command lines are attacker-chosen.
 * @example process.stdout.write(renderLiveTable(monitor.connections.values(), totals, 20, now, notes))
 */
export function renderLiveTable(live: Iterable<LiveConnection>, totals: WatchTotals, top: number, now: number, notes: readonly string[]): string {
  const sockets: LiveConnection['socket'][] = [];
  const rows: Row[] = [];
  for (const c of live) {
    sockets.push(c.socket);
    keepTop(rows, top, { c, risk: currentRisk(c, now - c.socket.firstSeen) });
  }
  const life = summarizeLifetimes(sockets, now);
  const lines = [
    `tracer host watch — ${new Date(now * 1000).toISOString()}  active ${life.active}  births ${totals.births}  deaths ${totals.deaths}`,
    `lifetime p50 ${secs(life.p50)}  p90 ${secs(life.p90)}  p99 ${secs(life.p99)}  longest ${secs(life.longest)} (inode ${life.longestInode})`,
    `unseen between polls (TCP, estimated) ${totals.unseenTcp}  unattributed ${totals.unattributed}  unreadable processes ${totals.deniedProcesses}`,
    ...notes.map((n) => `note: ${n}`),
    '',
    `${'RISK'.padStart(4)} ${'PID'.padStart(7)} ${'NAME'.padEnd(15)} ${'PROTO'.padEnd(5)} ${'REMOTE'.padEnd(22)} ${'AGE'.padStart(7)} ${'PURPOSE'.padEnd(18)} COMMAND / REASONS`,
  ];
  for (const { c, risk } of rows) {
    const cert = c.cert;
    const remote = `${cert.remote_net}:${cert.remote_p}`;
    const cmd = cut(escapeTerminal(cert.argv.join(' ')), CMDLINE_WIDTH);
    lines.push(`${String(risk.score).padStart(4)} ${String(cert.pid).padStart(7)} ${escapeTerminal(cert.name).slice(0, 15).padEnd(15)} ${cert.proto.padEnd(5)} ${remote.padEnd(22)} ${secs(now - c.socket.firstSeen).padStart(7)} ${cert.purpose.padEnd(18)} ${cmd}${risk.reasons.length ? `  [${risk.reasons.join(',')}]` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** A live connection with its current risk. */
interface Row {
  c: LiveConnection;
  risk: Risk;
}

/** Table order: higher risk first, then older, then lower inode. */
function before(a: Row, b: Row): boolean {
  return a.risk.score !== b.risk.score ? a.risk.score > b.risk.score
    : a.c.socket.firstSeen !== b.c.socket.firstSeen ? a.c.socket.firstSeen < b.c.socket.firstSeen
      : a.c.socket.inode < b.c.socket.inode;
}

/**
 * Keeps `rows` the first `top` in table order once `row` is offered: one
 * comparison for most rows, instead of sorting every connection each refresh.
 */
function keepTop(rows: Row[], top: number, row: Row): void {
  if (rows.length >= top && (top <= 0 || !before(row, rows[rows.length - 1]))) return;
  let i = rows.length;
  while (i > 0 && before(row, rows[i - 1])) i--;
  rows.splice(i, 0, row);
  if (rows.length > top) rows.pop();
}

/** Seconds as a short human duration. */
function secs(s: number): string {
  if (s < 120) return `${Math.round(s)}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  return `${Math.round(s / 3600)}h`;
}

/** Cuts text to `width` characters with an ellipsis. */
function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
