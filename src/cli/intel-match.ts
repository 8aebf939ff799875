import { parseArgs } from 'node:util';
import { contextToText, escapeField } from '../intel/context-text.js';
import { openCountryLookup } from '../intel/geo.js';
import { loadIndexSet } from '../intel/sources.js';
import { matchStore } from '../intel/store/store-match.js';
import { openExistingStore } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError, type Command } from './command.js';
import { matchUsage as usage } from './intel-usage.js';
import { problemPrinter } from './intel-problems.js';

const matchCommand: Command = {
  name: 'intel match',
  summary: 'Match a store against feeds',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, feed: { type: 'string', multiple: true, default: [] }, tix: { type: 'string', multiple: true, default: [] }, json: { type: 'boolean', default: false } },
    });
    if (!values.db) throw new UsageError('intel match needs --db STORE');
    if (values.feed.length + values.tix.length === 0) throw new UsageError('intel match needs --feed or --tix');
    const problems = problemPrinter(process.stderr);
    const set = loadIndexSet({ feeds: values.feed, tix: values.tix }, problems.print);
    problems.finish();
    const store = await openExistingStore(values.db);
    try {
      const alerts = await matchStore(store, set.indexes, await openCountryLookup());
      for (const alert of alerts) {
        const line = values.json ? JSON.stringify(alert) : escapeTerminal(`${new Date(alert.ts * 1000).toISOString()}  ${alert.uid}  ${alert.kind} ${alert.observed}${alert.country ? ` (${alert.country})` : ''}  x${alert.seen}  `
          + `Category=${escapeField(alert.category)}|MatchedIndicator=${escapeField(alert.indicator)}${Object.keys(alert.context).length ? '|' + contextToText(alert.context) : ''}`);
        process.stdout.write(line + '\n');
      }
      return alerts.length > 0 ? 0 : 3;
    } finally {
      await store.close();
    }
  },
};

export default matchCommand;
