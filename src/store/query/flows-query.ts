import type { SqlWhere } from './sql-where.js';

/** Orders `tracer flows --sort` accepts, largest first except ts. */
export const FLOW_SORTS = {
  ts: 'ts',
  bytes: 'coalesce(orig_bytes, 0) + coalesce(resp_bytes, 0) DESC',
  duration: 'duration DESC NULLS LAST',
  pkts: 'coalesce(orig_pkts, 0) + coalesce(resp_pkts, 0) DESC',
} as const;

/** One of FLOW_SORTS. */
export type FlowSort = keyof typeof FLOW_SORTS;

/**
 * The query of `tracer flows`: connections matching `where`, in `sort` order
 * with ts and uid as tie-breaks (deterministic), at most `limit` rows.
 */
export function flowsQuery(where: SqlWhere, sort: FlowSort, limit?: number): SqlWhere {
  const order = `ORDER BY ${FLOW_SORTS[sort]}, ts, uid`;
  const sql = ['SELECT * FROM conn', where.sql, order, limit === undefined ? '' : 'LIMIT ?'].filter((s) => s !== '').join(' ');
  return { sql, params: limit === undefined ? where.params : [...where.params, limit] };
}
