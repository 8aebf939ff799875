import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { UsageError } from '../../cli/command.js';
import { openStore, type Store } from '../duckdb.js';
import { connSchema } from '../schema/conn.js';
import { weirdSchema } from '../schema/weird.js';
import type { LogRecord } from '../schema/types.js';
import { zeekConnRecords } from './conn-fixture.js';
import { flowWhere, type FlowFilters } from './flow-filters.js';
import { flowFiltersFrom } from './flow-options.js';
import { flowsQuery } from './flows-query.js';

const records = zeekConnRecords(corpus('zeek-logs/rita_proxy_tsv_conn.log'));

/** The same filters, applied to the records in plain JavaScript (the oracle). */
const oracles: Array<[Record<string, string>, (r: LogRecord) => boolean]> = [
  [{ proto: 'icmp' }, (r) => r.proto === 'icmp'],
  [{ host: '10.136.0.16' }, (r) => r.id_orig_h === '10.136.0.16' || r.id_resp_h === '10.136.0.16'],
  [{ host: 'FF02:0:0::2' }, (r) => r.id_resp_h === 'ff02::2' || r.id_orig_h === 'ff02::2'],
  [{ net: 'fe80::/10' }, (r) => String(r.id_orig_h).startsWith('fe80:') || String(r.id_resp_h).startsWith('fe80:')],
  [{ net: '10.136.0.16/29' }, (r) => /^10\.136\.0\.(1[6-9]|2[0-3])$/.test(String(r.id_orig_h)) || /^10\.136\.0\.(1[6-9]|2[0-3])$/.test(String(r.id_resp_h))],
  [{ port: '3128', state: 'RSTO,RSTR' }, (r) => (r.id_orig_p === 3128 || r.id_resp_p === 3128) && (r.conn_state === 'RSTO' || r.conn_state === 'RSTR')],
  [{ service: 'ssl' }, (r) => String(r.service ?? '').split(',').includes('ssl')],
  [{ since: '1672844485.675033', until: '2023-01-05T18:00:00Z' }, (r) => Number(r.ts) >= 1672844485.675033 && Number(r.ts) < Date.parse('2023-01-05T18:00:00Z') / 1000],
  [{ 'min-bytes': '20000' }, (r) => Number(r.orig_bytes ?? 0) + Number(r.resp_bytes ?? 0) >= 20000],
];

describe('flow filters on a real Zeek conn.log', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await store.ensure(connSchema);
    const w = store.writer(connSchema);
    for (const r of records) w.append(r);
    w.flush();
  });
  afterAll(async () => { await store.close(); });

  it.each(oracles)('%j selects the same connections as a plain scan', async (options, keep) => {
    const query = flowsQuery(flowWhere(connSchema, flowFiltersFrom(options)), 'ts');
    const uids = (await store.all(query.sql, query.params)).map((r) => r.uid);
    const expected = records.filter(keep).sort((a, b) => Number(a.ts) - Number(b.ts)).map((r) => r.uid);
    expect(expected.length).toBeGreaterThan(0);
    expect(uids).toEqual(expected);
  });

  it('sorts by bytes, largest first, and limits', async () => {
    const query = flowsQuery(flowWhere(connSchema, {}), 'bytes', 3);
    const rows = await store.all(query.sql, query.params);
    const total = (r: LogRecord | Record<string, unknown>): number => Number(r.orig_bytes ?? 0) + Number(r.resp_bytes ?? 0);
    expect(rows.map(total)).toEqual(records.map(total).sort((a, b) => b - a).slice(0, 3));
  });

  it('treats hostile values as data, never as SQL', async () => {
    const filters: FlowFilters = { service: "x') OR 1=1 --", states: ["' OR ''='"] };
    const query = flowsQuery(flowWhere(connSchema, filters), 'ts');
    expect(await store.all(query.sql, query.params)).toEqual([]);
  });

  it('refuses a filter the stream has no field for', () => {
    expect(() => flowWhere(weirdSchema, { port: 22 })).toThrow(UsageError);
    expect(() => flowWhere(weirdSchema, { port: 22 })).toThrow('filter --port does not apply to stream "weird"');
  });
});
