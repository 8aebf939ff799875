import { parseArgs } from 'node:util';
import { contextToText, escapeField } from '../intel/context-text.js';
import { openCountryLookup } from '../intel/geo.js';
import { loadIndexSet } from '../intel/sources.js';
import { matchStore } from '../intel/store/store-match.js';
import { openExistingStore } from '../store/duckdb.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError, type Command } from './command.js';
import { problemPrinter } from './intel-problems.js';

const usage = `Usage: tracer intel match --db STORE (--feed SPEC | --tix FILE)… [--json]

Matches everything an ingested capture saw — connection IPs, DNS queries and
answers, HTTP hosts and URLs, TLS server names, file hashes — against feeds
and compiled indexes, each judged at the time it was first seen. Prints one
alert per match, in order of first sight, with the feed's context and the
country of IP observables (offline GeoIP; data CC BY 4.0 by NRO, nro.net).
Options:
  --db STORE    the DuckDB store written by "tracer ingest"
  --feed SPEC   a feed (repeatable; see "tracer intel --help")
  --tix FILE    a compiled index (repeatable)
  --json        one JSON object per alert
Exit status: 0 when something matched, 3 when nothing did.

Example:
  tracer intel match --db case42.duckdb --tix all.tix`;

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
