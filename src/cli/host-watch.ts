import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { safeJson } from '../host/canonical-json.js';
import { ChainLog } from '../host/chain-log.js';
import { loadOrCreateKeys } from '../host/host-key.js';
import { HostMonitor, type PollReport } from '../host/host-monitor.js';
import { renderLiveTable, type WatchTotals } from '../host/live-table.js';
import { UsageError } from './command.js';
import { defaultKeyFile, durationSeconds, parseHostArgs, positiveInt } from './host-args.js';

/** Terminal control: cursor home and clear screen, before each refresh. */
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

/**
 * `tracer host watch`: polls until Ctrl-C (or --duration), logging certificates
 * and deaths to the verifiable log, and showing either the live table or NDJSON.
 */
export async function runWatch(argv: string[]): Promise<number> {
  const { values, positionals } = parseHostArgs(argv, {
    interval: { type: 'string', default: '1s' }, log: { type: 'string' }, 'checkpoint-every': { type: 'string', default: '100' },
    'key-file': { type: 'string' }, ndjson: { type: 'boolean', default: false }, top: { type: 'string', default: '20' }, duration: { type: 'string' },
  }, 'watch');
  if (positionals.length > 0) throw new UsageError(`host watch takes no file arguments (got "${positionals[0]}"); use --log FILE`);
  const interval = durationSeconds(values.interval, '--interval');
  const top = positiveInt(values.top, '--top');
  const until = values.duration ? Date.now() + durationSeconds(values.duration, '--duration') * 1000 : Infinity;
  const keyFile = values['key-file'] ?? defaultKeyFile();
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  if (values.log && dirname(resolve(values.log)) === dirname(resolve(keyFile))) throw new UsageError('the key file must not sit beside the log: keep it where the log\'s readers cannot write');
  const keys = loadOrCreateKeys(keyFile);
  const log = values.log ? new ChainLog({ path: values.log, checkpointKey: keys.checkpoint, checkpointEvery: positiveInt(values['checkpoint-every'], '--checkpoint-every') }) : null;
  const monitor = new HostMonitor(keys, log);
  const notes = privilegeNotes();
  const totals: WatchTotals = { births: 0, deaths: 0, unseenTcp: 0, unattributed: 0, deniedProcesses: 0 };
  if (values.ndjson) for (const note of notes) process.stdout.write(safeJson({ kind: 'notice', message: note }) + '\n');
  let stopped = false;
  let wake: () => void = () => undefined;
  const stop = (): void => { stopped = true; wake(); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const start = Date.now();
  for (let tick = 0; !stopped && Date.now() < until; tick++) {
    const now = Date.now() / 1000;
    const report = monitor.poll(now);
    addTotals(totals, report);
    if (values.ndjson) writeNdjson(report, now);
    else process.stdout.write(CLEAR_SCREEN + renderLiveTable(monitor.connections.values(), totals, top, now, notes));
    const delay = Math.max(0, Math.min(until, start + (tick + 1) * interval * 1000) - Date.now());
    await new Promise<void>((r) => { wake = r; setTimeout(r, delay); });
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  log?.close(Date.now() / 1000);
  return 0;
}

/** What a non-root run cannot see, said up front. */
function privilegeNotes(): string[] {
  if (process.getuid?.() === 0) return [];
  return ['not root: sockets of other users\' processes cannot be attributed, and their cwd, exe and environment hash are missing; run with sudo for full attribution'];
}

/** Adds one poll's figures to the running totals. */
function addTotals(totals: WatchTotals, report: PollReport): void {
  totals.births += report.births.length;
  totals.deaths += report.deaths.length;
  totals.unseenTcp += report.unseenTcp;
  totals.unattributed += report.unattributed;
  totals.deniedProcesses = report.deniedProcesses;
}

/** Births and deaths as NDJSON, plus what the poll could not see. */
function writeNdjson(report: PollReport, now: number): void {
  const lines = [...report.births, ...report.deaths].map((r) => safeJson(r));
  if (report.unseenTcp > 0 || report.unattributed > 0) lines.push(safeJson({ kind: 'unseen', ts: now, tcp_between_polls: report.unseenTcp, unattributed: report.unattributed, unreadable_processes: report.deniedProcesses }));
  if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
}
