import { describe, expect, it } from 'vitest';
import { analysisStore, clearTable, dialectOf } from './dialect.js';
import { openStoreFromUrl } from './clickhouse/open.js';
import { clickhouseSkipReason, dropClickHouseDatabase, freshClickHouseUrl } from './clickhouse/testing/test-server.js';
import { openStore } from './duckdb.js';
import { connSchema } from './schema/conn.js';
import { sampleConn } from './test-records.js';

describe('store dialects', () => {
  it('runs analytics on a DuckDB store itself and clears its tables with DELETE', async () => {
    const a = await openStore(':memory:');
    try {
      expect(dialectOf(a)).toBe('duckdb');
      const analysis = await analysisStore(a);
      expect(analysis.engine).toBe(a);
      await a.ensure(connSchema);
      const w = a.writer(connSchema);
      for (let i = 0; i < 5; i++) w.append(sampleConn(i));
      w.flush();
      await clearTable(a, connSchema);
      expect(await a.all('SELECT count(*) AS n FROM conn')).toEqual([{ n: 0 }]);
    } finally {
      await a.close();
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
