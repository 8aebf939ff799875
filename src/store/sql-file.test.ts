import { describe, expect, it } from 'vitest';
import { dialectSql } from './sql-file.js';

const dir = new URL('../report/sql/', import.meta.url);

describe('dialectSql', () => {
  it('reads the DuckDB file, or its ClickHouse version from clickhouse/', () => {
    expect(dialectSql(dir, 'custody')).toContain('FROM ingests');
    expect(dialectSql(dir, 'custody', 'clickhouse')).toContain('FROM ingests');
    expect(dialectSql(dir, 'top-dns', 'clickhouse')).not.toEqual(dialectSql(dir, 'top-dns'));
  });

  it('names the missing ClickHouse file', () => {
    expect(() => dialectSql(dir, 'no-such-query', 'clickhouse')).toThrow(/no-such-query" has no ClickHouse version \(.*clickhouse\/no-such-query\.sql\)/);
  });
});
