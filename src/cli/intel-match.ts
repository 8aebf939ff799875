import { parseArgs } from 'node:util';
import { contextToText, escapeField } from '../intel/context-text.js';
import { openCountryLookup } from '../intel/geo.js';
import { loadIndexSet } from '../intel/sources.js';
import { reverseDns } from '../intel/reverse-dns.js';
import { matchStore } from '../intel/store/store-match.js';
import { openExistingStore } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError, type Command } from './command.js';
import { matchUsage as usage } from './intel-usage.js';
import { problemPrinter } from './intel-problems.js';

/** Live reverse DNS, when asked: time per query and the answers kept. */
const PTR_TIMEOUT_MS = 2000;
const PTR_CACHE_ENTRIES = 10_000;
const PTR_CACHE_TTL_MS = 3_600_000;

const matchCommand: Command = {
  name: 'intel match',
  summary: 'Match a store against feeds',
  usage,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, feed: { type: 'string', multiple: true, default: [] }, tix: { type: 'string', multiple: true, default: [] }, json: { type: 'boolean', default: false },
        'reverse-dns': { type: 'boolean', default: false }, 'dns-server': { type: 'string', multiple: true } },
    });
    if (!values.db) throw new UsageError('intel match needs --db STORE');
    if (values.feed.length + values.tix.length === 0) throw new UsageError('intel match needs --feed or --tix');
    const problems = problemPrinter(process.stderr);
    const set = loadIndexSet({ feeds: values.feed, tix: values.tix }, problems.print);
    problems.finish();
    const store = await openExistingStore(values.db);
    try {
      const alerts = await matchStore(store, set.indexes, await openCountryLookup());
      const ptr = values['reverse-dns'] ? reverseDns({ servers: values['dns-server'], timeoutMs: PTR_TIMEOUT_MS, cacheEntries: PTR_CACHE_ENTRIES, cacheTtlMs: PTR_CACHE_TTL_MS }) : null;
      const names = ptr ? await Promise.all(alerts.map((a) => (a.kind === 'ip' ? ptr(a.observed) : Promise.resolve([])))) : [];
      for (const [i, alert] of alerts.entries()) {
        const ptrNames = ptr ? { ptr: names[i] } : {};
        const ptrText = names[i]?.length ? ` ptr=${names[i].join(',')}` : '';
        const line = values.json ? JSON.stringify({ ...alert, ...ptrNames }) : escapeTerminal(`${new Date(alert.ts * 1000).toISOString()}  ${alert.uid}  ${alert.kind} ${alert.observed}${alert.country ? ` (${alert.country})` : ''}${ptrText}  x${alert.seen}  `
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
