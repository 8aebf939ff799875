import { openStore, type Store } from '../../store/duckdb.js';
import { allSchemas, schemaByName } from '../../store/schema/index.js';
import type { LogRecord } from '../../store/schema/types.js';

/** Base time of crafted records (2026-01-01T00:00:00Z). */
export const T0 = 1_767_225_600;

/** A conn record with neutral defaults (a small completed TCP session); `over` changes fields. */
export function conn(over: Partial<LogRecord>): LogRecord {
  return {
    ts: T0, uid: 'C1', id_orig_h: '10.0.0.5', id_orig_p: 50000, id_resp_h: '10.0.0.9', id_resp_p: 80, proto: 'tcp', service: null,
    duration: 1, orig_bytes: 100, resp_bytes: 1000, conn_state: 'SF', local_orig: true, local_resp: true, missed_bytes: 0, history: 'ShADadFf',
    orig_pkts: 5, orig_ip_bytes: 400, resp_pkts: 5, resp_ip_bytes: 1300, vlan: null, inner_vlan: null, orig_l2_addr: null, resp_l2_addr: null,
    community_id: null, open_at_end: false, bursts: null, burst_bytes: null, ...over,
  };
}

/** A throw-away in-memory store with every stream's table and the given records appended. */
export async function storeWith(records: Record<string, LogRecord[]>): Promise<Store> {
  return fillStore(await openStore(':memory:'), records);
}

/** Creates every stream's table in `store` (either kind) and appends the given records. */
export async function fillStore(store: Store, records: Record<string, LogRecord[]>): Promise<Store> {
  for (const schema of allSchemas) await store.ensure(schema);
  for (const [stream, rows] of Object.entries(records)) {
    const writer = store.writer(schemaByName(stream)!);
    for (const r of rows) writer.append(r);
    writer.flush();
  }
  return store;
}
