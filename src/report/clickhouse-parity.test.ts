import { describe, expect, it } from 'vitest';
import type { Analysis } from '../correlate/model.js';
import { conn, fillStore, T0 } from '../detect/testing/store.js';
import { planMitigations } from '../mitigate/index.js';
import { openStoreFromUrl } from '../store/clickhouse/open.js';
import { same } from '../store/clickhouse/testing/compare.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from '../store/clickhouse/testing/test-server.js';
import { openStore, type Store } from '../store/duckdb.js';
import type { LogRecord } from '../store/schema/types.js';
import { StoreDashboard } from '../web/store-dashboard.js';
import { collectReport } from './write.js';

/** Names past the 200-character cut in multi-byte UTF-8, quotes, backslashes, unset fields and ties. */
const LONG = 'é'.repeat(150) + '🦀'.repeat(80);
const RECORDS: Record<string, LogRecord[]> = {
  conn: [
    conn({ ts: T0, uid: 'C1', service: 'http,ssl' }),
    conn({ ts: T0 + 10, uid: 'C2', id_orig_h: '10.0.0.6', proto: null, service: '', orig_pkts: null, resp_ip_bytes: null }),
    conn({ ts: T0 + 7200, uid: 'C3', id_orig_h: '10.0.0.7', id_resp_p: 53, proto: 'udp', service: 'dns', conn_state: 'S0' }),
    conn({ ts: T0 + 7300, uid: 'C4', id_orig_h: '10.0.0.8', id_resp_p: 53, proto: 'udp', service: 'dns', duration: null }),
    conn({ ts: null, uid: 'C5', id_orig_h: '10.0.0.9' }),
  ],
  dns: [LONG, LONG, 'a\\b\'c.example', 'x.example', ''].map((query, i) => ({ ts: T0 + i, uid: `C${i}`, id_orig_h: `10.0.0.${i % 2}`, query, rcode_name: i === 1 ? 'NXDOMAIN' : 'NOERROR' })),
  http: [{ ts: T0, uid: 'C1', id_orig_h: '10.0.0.5', host: LONG, user_agent: 'curl/8 "x"', response_body_len: 10 }, { ts: T0 + 1, uid: 'C1', id_orig_h: '10.0.0.6', host: 'b', user_agent: null, response_body_len: null }],
  ssl: [{ ts: T0, uid: 'C1', id_orig_h: '10.0.0.5', id_resp_h: '10.0.0.9', server_name: `${LONG}.test` }],
};

/** An analysis with one intrusion window, so the report splits traffic before, during and after it. */
const ANALYSIS: Analysis = {
  format: 'tracer-analysis/1', tracerVersion: '0', parameters: {}, inputs: [], window: null, alerts: [],
  incidents: [{
    id: 'INC-1', severity: 'high', start: T0 + 5, end: T0 + 7250, attackers: [], pivots: [], victims: [], c2: [], compromised: [], tactics: [],
    alertIds: [], chain: [], timeline: [], graph: { nodes: [], edges: [] },
  }],
};

/** The report data and dashboard snapshot of a store, without what names the store. */
async function views(store: Store, analysis: Analysis): Promise<Record<string, unknown>> {
  const report = await collectReport(store, analysis, planMitigations(analysis, { internal: [] }), {}, new Date(0));
  const dashboard = await new StoreDashboard(store).snapshot();
  return { report: { ...report, custody: { ...report.custody, store: null } }, dashboard: { ...dashboard, source: '' } };
}

if (clickhouseSkipReason) console.warn(`skipping the ClickHouse report comparison: ${clickhouseSkipReason}`);

describe.skipIf(clickhouseSkipReason !== null)('report statistics and dashboard as ClickHouse SQL give the DuckDB data', () => {
  const cases: Array<[string, Record<string, LogRecord[]>, Analysis]> = [['an empty store', {}, { ...ANALYSIS, incidents: [] }], ['awkward records', RECORDS, ANALYSIS]];
  for (const [name, records, analysis] of cases) {
    it(`on ${name}`, async () => {
      const url = freshClickHouseUrl('report');
      const duck = await fillStore(await openStore(':memory:'), records);
      const ch = await fillStore(await openStoreFromUrl(url), records);
      try {
        const [a, b] = [await views(duck, analysis), await views(ch, analysis)];
        expect(b).toEqual(a);
        expect(same(b, a)).toBe(true);
        if (records === RECORDS) {
          const tops = (a.report as { tops: { rows: unknown[] }[] }).tops;
          expect(JSON.stringify(tops)).toContain('é'.repeat(150) + '🦀'.repeat(50) + '"');
          expect((a.report as { traffic: { phases: unknown[] } }).traffic.phases).toHaveLength(3);
        }
      } finally {
        await duck.close();
        await ch.close();
        await dropClickHouseDatabase(url);
      }
    }, 60_000);
  }
});
