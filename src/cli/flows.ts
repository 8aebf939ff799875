import { InputError, UsageError, type Command } from './command.js';
import { escapeTerminal } from '../util/escape.js';
import { openExistingStore } from '../store/duckdb.js';
import { flowWhere } from '../store/query/flow-filters.js';
import { FLOW_FILTER_OPTIONS, flowFiltersFrom, parseOptions } from '../store/query/flow-options.js';
import { formatFlowTable } from '../store/query/flow-table.js';
import { FLOW_SORTS, flowsQuery, type FlowSort } from '../store/query/flows-query.js';
import { connSchema } from '../store/schema/conn.js';

const usage = `Usage: tracer flows [--db PATH] [filters] [--sort ts|bytes|duration|pkts] [--limit N] [--json]

Lists connections from the store as an aligned table, or as NDJSON with --json.

Filters (combined with AND):
  --host IP          either endpoint is IP
  --net CIDR         either endpoint is in CIDR (IPv4 or IPv6)
  --port N           either endpoint uses port N
  --proto P          tcp, udp or icmp
  --state S[,S…]     Zeek conn_state is one of these (S0, REJ, SF…)
  --service X        the detected service list contains X
  --since T, --until T   epoch seconds or ISO 8601 (UTC unless a zone is given)
  --min-bytes N      orig_bytes + resp_bytes ≥ N
Other options:
  --db PATH          store file (default ./tracer.duckdb)
  --sort KEY         ts (default), bytes, duration or pkts (largest first)
  --limit N          at most N connections

Examples:
  tracer flows --proto tcp --state S0,REJ --sort ts
  tracer flows --net 10.10.10.0/24 --port 25565 --limit 20
  tracer flows --host 192.168.1.25 --since 2009-01-03T19:20:00Z --json | jq .uid
  tracer flows --sort bytes --min-bytes 1000000 --limit 10`;

const command: Command = {
  name: 'flows',
  summary: 'List connections from the store, filtered and sorted (table or --json)',
  usage,
  async run(argv) {
    const { values } = parseOptions(argv, { ...FLOW_FILTER_OPTIONS, sort: { type: 'string', default: 'ts' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } });
    const filters = flowFiltersFrom(values);
    if (!(values.sort in FLOW_SORTS)) throw new UsageError(`--sort ${JSON.stringify(values.sort)}: expected one of ${Object.keys(FLOW_SORTS).join(', ')}`);
    if (values.limit !== undefined && !/^\d+$/.test(values.limit)) throw new UsageError(`--limit ${JSON.stringify(values.limit)}: expected a whole number`);
    const store = await openExistingStore(values.db);
    try {
      if (!(await store.tables()).includes('conn')) throw new InputError(`${escapeTerminal(values.db)}: the store holds no connections`);
      const query = flowsQuery(flowWhere(connSchema, filters), values.sort as FlowSort, values.limit === undefined ? undefined : Number(values.limit));
      if (values.json) {
        for await (const rows of store.stream(query.sql, query.params)) process.stdout.write(rows.map((r) => JSON.stringify(r) + '\n').join(''));
        return 0;
      }
      const rows = await store.all(query.sql, query.params);
      process.stdout.write(formatFlowTable(rows));
      process.stderr.write(`${rows.length} connection${rows.length === 1 ? '' : 's'}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

export default command;
