import { parseArgs } from 'node:util';
import { escapeField } from '../intel/context-text.js';
import { classifyIndicator } from '../intel/index/classify.js';
import { matchIndicators, type ObservedIndicators } from '../intel/index/match.js';
import { loadIndexSet } from '../intel/sources.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError, type Command } from './command.js';
import { contextToText } from '../intel/context-text.js';
import { problemPrinter } from './intel-problems.js';

const usage = `Usage: tracer intel lookup <indicator…> (--feed SPEC | --tix FILE)… [--at TIME] [--json]

Checks IPs, domains, URLs and hashes (the kind is recognised from the text)
against feeds and compiled indexes and prints each match as
  OBSERVED  Category=FEED|MatchedIndicator=…|context…
Options:
  --feed SPEC   a feed (repeatable; see "tracer intel --help")
  --tix FILE    a compiled index (repeatable)
  --at TIME     evaluate expiry at this ISO-8601 time (default: now)
  --json        one JSON object per match
Exit status: 0 when something matched, 3 when nothing did.

Examples:
  tracer intel lookup 178.128.23.9 --feed feodo.json
  tracer intel lookup http://evil.example/login --tix all.tix --json`;

const lookupCommand: Command = {
  name: 'intel lookup',
  summary: 'Check indicators against feeds',
  usage,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true,
      options: { feed: { type: 'string', multiple: true, default: [] }, tix: { type: 'string', multiple: true, default: [] }, at: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new UsageError('intel lookup needs at least one indicator');
    if (values.feed.length + values.tix.length === 0) throw new UsageError('intel lookup needs --feed or --tix');
    const at = values.at ? Date.parse(values.at) / 1000 : Date.now() / 1000;
    if (!Number.isFinite(at)) throw new UsageError(`--at "${values.at}" is not an ISO-8601 time`);
    const problems = problemPrinter(process.stderr);
    const set = loadIndexSet({ feeds: values.feed, tix: values.tix }, problems.print);
    problems.finish();
    const observed: Required<ObservedIndicators> = { ips: [], domains: [], urls: [], hashes: [] };
    for (const value of positionals) {
      const kind = classifyIndicator(value);
      const list = 'error' in kind ? observed.urls : { ip: observed.ips, domain: observed.domains, url: observed.urls, hash: observed.hashes }[kind.kind];
      (list as string[]).push(value);
    }
    let found = 0;
    for (const index of set.indexes) {
      for (const match of matchIndicators(index, observed, { at })) {
        found++;
        const line = values.json ? JSON.stringify(match)
          : escapeTerminal(`${match.observed}  Category=${escapeField(match.category)}|MatchedIndicator=${escapeField(match.indicator)}${Object.keys(match.context).length ? '|' + contextToText(match.context) : ''}`);
        process.stdout.write(line + '\n');
      }
    }
    return found > 0 ? 0 : 3;
  },
};

export default lookupCommand;
