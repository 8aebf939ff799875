import { describe, expect, it } from 'vitest';
import { ClickHouseStore } from '../store/clickhouse/store.js';
import { parseClickHouseUrl } from '../store/clickhouse/url.js';
import { openStore } from '../store/duckdb.js';
import { listParam } from './list-param.js';

const records = [{ key: "0\0o'h\\x", host: '10.0.0.1', since: 1.5, attackers: ['a', "b'"] }];

describe('listParam', () => {
  it('is JSON for DuckDB', async () => {
    const duck = await openStore(':memory:');
    expect(JSON.parse(listParam(duck, records, ['key']))).toEqual(records);
    await duck.close();
  });

  it('is an array of tuples in ClickHouse text form, strings escaped, for ClickHouse', () => {
    const ch = new ClickHouseStore(parseClickHouseUrl('clickhouse://127.0.0.1:9/unused'));
    expect(listParam(ch, records, ['key', 'host', 'since', 'attackers'])).toBe(String.raw`[('0\0o\'h\\x','10.0.0.1',1.5,['a','b\''])]`);
    expect(listParam(ch, ['u1', "u'2"])).toBe(String.raw`['u1','u\'2']`);
    expect(listParam(ch, [])).toBe('[]');
  });
});
