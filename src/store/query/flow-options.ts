import { parseArgs } from 'node:util';
import { UsageError } from '../../cli/command.js';
import { formatAddress, parseAddress } from '../../decode/address.js';
import { parseCidr } from '../../decode/cidr.js';
import { DEFAULT_DB_PATH } from '../duckdb.js';
import type { FlowFilters } from './flow-filters.js';

/** Transport protocols a connection record can carry. */
const PROTOCOLS = ['tcp', 'udp', 'icmp'];

/** parseArgs options of the connection filters (shared by flows and export). */
export const FLOW_FILTER_OPTIONS = {
  db: { type: 'string', default: DEFAULT_DB_PATH },
  host: { type: 'string' },
  net: { type: 'string' },
  port: { type: 'string' },
  proto: { type: 'string' },
  state: { type: 'string' },
  service: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'min-bytes': { type: 'string' },
} as const;

/** Option values as parseArgs returns them. */
type Values = Partial<Record<keyof typeof FLOW_FILTER_OPTIONS, string>>;

function integerOption(name: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`--${name} ${JSON.stringify(text)}: expected a whole number from 0 to ${max}`);
  return Number(text);
}

/** Epoch seconds, or an ISO 8601 date/time (UTC unless it names a zone). */
export function parseTime(name: string, text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : text + 'Z';
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} ${JSON.stringify(text)}: expected epoch seconds or an ISO 8601 time such as 2021-04-28T10:30:00Z`);
  return ms / 1000;
}

/** Validates the filter options and converts them to FlowFilters; bad values are UsageErrors naming the option. */
export function flowFiltersFrom(values: Values): FlowFilters {
  const f: FlowFilters = {};
  if (values.host !== undefined) {
    const words = parseAddress(values.host);
    if (words === null) throw new UsageError(`--host ${JSON.stringify(values.host)}: expected an IPv4 or IPv6 address`);
    f.host = formatAddress(words, values.host.includes(':') ? 6 : 4);
  }
  if (values.net !== undefined) {
    if (parseCidr(values.net) === null) throw new UsageError(`--net ${JSON.stringify(values.net)}: expected a network such as 10.0.0.0/8 or 2001:db8::/32`);
    f.net = values.net;
  }
  if (values.port !== undefined) f.port = integerOption('port', values.port, 65535);
  if (values.proto !== undefined) {
    if (!PROTOCOLS.includes(values.proto)) throw new UsageError(`--proto ${JSON.stringify(values.proto)}: expected one of ${PROTOCOLS.join(', ')}`);
    f.proto = values.proto;
  }
  if (values.state !== undefined) {
    const states = values.state.split(',').filter((s) => s !== '');
    if (states.length === 0) throw new UsageError('--state: expected connection states such as S0,REJ');
    f.states = states;
  }
  if (values.service !== undefined) f.service = values.service;
  if (values.since !== undefined) f.since = parseTime('since', values.since);
  if (values.until !== undefined) f.until = parseTime('until', values.until);
  if (values['min-bytes'] !== undefined) f.minBytes = integerOption('min-bytes', values['min-bytes'], Number.MAX_SAFE_INTEGER);
  return f;
}

/** parseArgs that reports unknown options and missing values as one-line UsageErrors. */
export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}
