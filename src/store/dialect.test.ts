import { describe, expect, it } from 'vitest';
import { analysisStore, clearTable, copyTable, dialectOf, openAnalysisStore } from './dialect.js';
import { openStoreFromUrl } from './clickhouse/open.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from './clickhouse/testing/test-server.js';
import { openStore } from './duckdb.js';
import { connSchema } from './schema/conn.js';
import { sampleConn } from './test-records.js';

describe('store dialects', () => {
  it('runs analytics on a DuckDB store itself and copies tables between stores', async () => {
    const a = await openStore(':memory:');
    const b = await openStore(':memory:');
    try {
      expect(dialectOf(a)).toBe('duckdb');
      const analysis = await analysisStore(a);
      expect(analysis.engine).toBe(a);
      await a.ensure(connSchema);
      const w = a.writer(connSchema);
      for (let i = 0; i < 5; i++) w.append(sampleConn(i));
      w.flush();
      await b.ensure(connSchema);
      const wb = b.writer(connSchema);
      wb.append(sampleConn(99));
      wb.flush();
      expect(await copyTable(a, b, connSchema)).toBe(5);
      expect(await b.all('SELECT uid FROM conn ORDER BY uid')).toEqual([0, 1, 2, 3, 4].map((i) => ({ uid: sampleConn(i).uid })));
      await clearTable(b, connSchema);
      expect(await b.all('SELECT count(*) AS n FROM conn')).toEqual([{ n: 0 }]);
      const memory = await openAnalysisStore(':memory:');
      expect(dialectOf(memory)).toBe('duckdb');
      await memory.close();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.skipIf(clickhouseSkipReason !== null)('store dialects on ClickHouse', () => {
  it('tells a ClickHouse store by its dialect and clears its tables with TRUNCATE', async () => {
    const url = freshClickHouseUrl('dialect');
    const ch = await openStoreFromUrl(url);
    try {
      expect(dialectOf(ch)).toBe('clickhouse');
      await ch.ensure(connSchema);
      const w = ch.writer(connSchema);
      for (let i = 0; i < 3; i++) w.append(sampleConn(i));
      w.flush();
      expect(await ch.all('SELECT count() AS n FROM conn')).toEqual([{ n: 3 }]);
      await clearTable(ch, connSchema);
      expect(await ch.all('SELECT count() AS n FROM conn')).toEqual([{ n: 0 }]);
    } finally {
      await ch.close();
      await dropClickHouseDatabase(url);
    }
  });
});
