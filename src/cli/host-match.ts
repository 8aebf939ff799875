import { matchFeed, readFeed } from '../host/feed-match.js';
import { loadKeys } from '../host/host-key.js';
import { readHostLog } from '../host/host-log-reader.js';
import { escapeTerminal } from '../util/escape.js';
import { safeJson } from '../host/canonical-json.js';
import { UsageError } from './command.js';
import { parseHostArgs } from './host-args.js';

/**
 * `tracer host match --key-file F --feed list.txt LOG`: prints one line per
 * certificate whose masked remote address is in the feed; exit 0 when none
 * matched, 3 when some did (so scripts can alert).
 */
export async function runMatch(argv: string[]): Promise<number> {
  const { values, positionals } = parseHostArgs(argv, { 'key-file': { type: 'string' }, key: { type: 'string' }, feed: { type: 'string' }, ndjson: { type: 'boolean' } }, 'match');
  const keyFile = values['key-file'] ?? values.key;
  if (!keyFile || !values.feed || positionals.length !== 1) throw new UsageError('host match needs --key-file F --feed list.txt and one log file');
  const matches = matchFeed(loadKeys(keyFile).mask, readFeed(values.feed), readHostLog(positionals[0]).births);
  for (const { address, birth } of matches) {
    if (values.ndjson) { process.stdout.write(safeJson({ address, ...birth }) + '\n'); continue; }
    const when = new Date(birth.ts * 1000).toISOString();
    process.stdout.write(escapeTerminal(`${address}:${birth.remote_p}  ${when}  seq ${birth.seq}  pid ${birth.pid} ${birth.name}  ${birth.argv.join(' ')}`) + '\n');
  }
  process.stderr.write(`tracer: ${matches.length} certificate(s) matched the feed\n`);
  return matches.length === 0 ? 0 : 3;
}
