import type { DuckDBValue } from '@duckdb/node-api';
import { UsageError } from '../../cli/command.js';
import { columnName, type LogSchema } from '../schema/types.js';
import { IN_NET_FUNCTION } from './net-function.js';
import { whereOf, type SqlWhere } from './sql-where.js';

/** Connection filters shared by `tracer flows` and `tracer export` (all optional, combined with AND). */
export interface FlowFilters {
  /** Either endpoint is this address. */
  host?: string;
  /** Either endpoint lies in this CIDR network. */
  net?: string;
  /** Either endpoint uses this port. */
  port?: number;
  proto?: string;
  /** conn_state is one of these. */
  states?: string[];
  /** The service list contains this service. */
  service?: string;
  /** ts ≥ since and ts < until (epoch seconds). */
  since?: number;
  until?: number;
  /** orig_bytes + resp_bytes ≥ minBytes. */
  minBytes?: number;
}

/** Columns each filter needs, by option name (for an error on streams that lack them). */
const NEEDS: Record<keyof FlowFilters, string[]> = {
  host: ['id_orig_h', 'id_resp_h'], net: ['id_orig_h', 'id_resp_h'], port: ['id_orig_p', 'id_resp_p'],
  proto: ['proto'], states: ['conn_state'], service: ['service'], since: ['ts'], until: ['ts'],
  minBytes: ['orig_bytes', 'resp_bytes'],
};

/**
 * The WHERE clause for `filters` on `schema`'s table, every value bound as a
 * parameter. A filter on a column the stream lacks is a UsageError.
 */
export function flowWhere(schema: LogSchema, filters: FlowFilters): SqlWhere {
  const columns = new Set(schema.fields.map((f) => columnName(f)));
  const conditions: string[] = [];
  const params: DuckDBValue[] = [];
  function add(sql: string, ...values: DuckDBValue[]): void {
    conditions.push(sql);
    params.push(...values);
  }
  for (const key of Object.keys(filters) as (keyof FlowFilters)[]) {
    if (filters[key] === undefined) continue;
    const missing = NEEDS[key].find((c) => !columns.has(c));
    if (missing) throw new UsageError(`filter --${key} does not apply to stream "${schema.name}" (it has no ${missing} field)`);
  }
  const f = filters;
  if (f.host !== undefined) add('id_orig_h = ? OR id_resp_h = ?', f.host, f.host);
  if (f.net !== undefined) add(`${IN_NET_FUNCTION}(id_orig_h, ?) OR ${IN_NET_FUNCTION}(id_resp_h, ?)`, f.net, f.net);
  if (f.port !== undefined) add('id_orig_p = ? OR id_resp_p = ?', f.port, f.port);
  if (f.proto !== undefined) add('proto = ?', f.proto);
  if (f.states !== undefined) add(`conn_state IN (${f.states.map(() => '?').join(', ')})`, ...f.states);
  if (f.service !== undefined) add("list_contains(string_split(service, ','), ?)", f.service);
  if (f.since !== undefined) add('ts >= ?', f.since);
  if (f.until !== undefined) add('ts < ?', f.until);
  if (f.minBytes !== undefined) add('coalesce(orig_bytes, 0) + coalesce(resp_bytes, 0) >= ?', f.minBytes);
  return whereOf(conditions, params);
}
