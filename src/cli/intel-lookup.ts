import { parseArgs } from 'node:util';
import { escapeField } from '../intel/context-text.js';
import { classifyIndicator } from '../intel/index/classify.js';
import { matchIndicators, type ObservedIndicators } from '../intel/index/match.js';
import { loadIndexSet } from '../intel/sources.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError, type Command } from './command.js';
import { lookupUsage as usage } from './intel-usage.js';
import { contextToText } from '../intel/context-text.js';
import { problemPrinter } from './intel-problems.js';

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
