import { describe, expect, it } from 'vitest';
import { serveStores } from './serve.js';

const CH = 'clickhouse://127.0.0.1:8123/case42';

describe('serveStores', () => {
  it('serves a DuckDB file alone: --db, else a DuckDB $TRACER_STORE, else ./tracer.duckdb', () => {
    expect(serveStores({ db: 'a.duckdb' }, { TRACER_STORE: 'b.duckdb' })).toEqual({ clickhouse: null, db: 'a.duckdb' });
    expect(serveStores({}, { TRACER_STORE: 'b.duckdb' })).toEqual({ clickhouse: null, db: 'b.duckdb' });
    expect(serveStores({}, {})).toEqual({ clickhouse: null, db: './tracer.duckdb' });
  });

  it('reads ClickHouse from --store or a ClickHouse $TRACER_STORE and keeps the cases in the DuckDB --db', () => {
    expect(serveStores({ store: CH, db: 'cases.duckdb' }, {})).toEqual({ clickhouse: CH, db: 'cases.duckdb' });
    expect(serveStores({ db: 'cases.duckdb' }, { TRACER_STORE: CH })).toEqual({ clickhouse: CH, db: 'cases.duckdb' });
    expect(serveStores({ store: CH }, { TRACER_STORE: 'b.duckdb' })).toEqual({ clickhouse: CH, db: './tracer.duckdb' });
  });

  it('takes a DuckDB file as --store as other commands do, and refuses two files or a ClickHouse URL as --db', () => {
    expect(serveStores({ store: 'a.duckdb' }, { TRACER_STORE: CH })).toEqual({ clickhouse: null, db: 'a.duckdb' });
    expect(() => serveStores({ store: 'a.duckdb', db: 'b.duckdb' }, {})).toThrow(/--store and --db name two DuckDB files/);
    expect(() => serveStores({ db: CH }, {})).toThrow(/--db takes a DuckDB file/);
  });
});
