/**
 * Connection tracking: packets in, Zeek conn.log records out.
 * @example
 * import { FlowTable } from './flow/index.js';
 * const table = new FlowTable({ onConn: (rec) => console.log(rec.uid, rec.conn_state) });
 */
export { FlowTable, type FlowTableOptions } from './table.js';
export type { ConnRecord } from './conn-record.js';
export type { FlowStats } from './flow-stats.js';
export type { AppHooks } from './app-hooks.js';
export { Conn } from './conn.js';
export { communityId } from './community-id.js';
export { DEFAULT_LOCAL_NETS } from './local-nets.js';
