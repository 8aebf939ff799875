import { readHostLog } from '../host/host-log-reader.js';
import { connectionsAt, parseWhen } from '../host/time-travel.js';
import { escapeTerminal } from '../util/escape.js';
import { safeJson } from '../host/canonical-json.js';
import { UsageError } from './command.js';
import { parseHostArgs } from './host-args.js';

/**
 * `tracer host at WHEN LOG [--ndjson]`: the connections that existed at WHEN,
 * each with its presence (open / maybe_born / maybe_closed) and the polling
 * brackets around its birth and death.
 */
export async function runAt(argv: string[]): Promise<number> {
  const { values, positionals } = parseHostArgs(argv, { ndjson: { type: 'boolean' } }, 'at');
  if (positionals.length !== 2) throw new UsageError('host at needs a time ("2026-11-21 14:32") and a log file');
  const t = parseWhen(positionals[0]);
  if (Number.isNaN(t)) throw new UsageError(`host at: cannot parse time "${positionals[0]}"; use "YYYY-MM-DD HH:MM[:SS]" (UTC) or epoch seconds`);
  const log = readHostLog(positionals[1]);
  const found = connectionsAt(log, t);
  for (const { birth, death, presence } of found) {
    const born = `born (${iso(birth.prev_poll)}, ${iso(birth.ts)}]`;
    const died = death ? `closed (${iso(death.last_seen)}, ${iso(death.ts)}]` : 'open at end of log';
    if (values.ndjson) { process.stdout.write(safeJson({ presence, born_after: birth.prev_poll, born_by: birth.ts, closed_after: death?.last_seen ?? null, closed_by: death?.ts ?? null, ...birth }) + '\n'); continue; }
    process.stdout.write(escapeTerminal(`${presence.padEnd(12)} ${birth.proto} ${birth.local_h}:${birth.local_p} -> ${birth.remote_net}:${birth.remote_p}  pid ${birth.pid} ${birth.name}  ${born}  ${died}  ${birth.argv.join(' ')}`) + '\n');
  }
  const after = t > log.lastTs ? ' (the log ends before that time)' : '';
  process.stderr.write(`tracer: ${found.length} connection(s) at ${new Date(t * 1000).toISOString()}${after}\n`);
  return 0;
}

/** ISO time of epoch seconds; 'before watching' for 0. */
function iso(seconds: number): string {
  return seconds > 0 ? new Date(seconds * 1000).toISOString() : 'before watching';
}
