import { describe, expect, it } from 'vitest';
import { InputError } from '../../cli/command.js';
import { describeTarget, isClickHouseUrl, parseClickHouseUrl } from './url.js';

describe('ClickHouse store URLs', () => {
  it('parses host, port, database and credentials', () => {
    expect(parseClickHouseUrl('clickhouse://bob:s%40cret@10.0.0.5:9123/cases')).toEqual({
      endpoint: 'http://10.0.0.5:9123/', database: 'cases', user: 'bob', password: 's@cret',
    });
    expect(parseClickHouseUrl('clickhouse://db.example.org/tracer').endpoint).toBe('http://db.example.org:8123/');
    expect(parseClickHouseUrl('http://127.0.0.1:18123/x').database).toBe('x');
  });

  it('tells store files from URLs', () => {
    expect(isClickHouseUrl('clickhouse://h/db')).toBe(true);
    expect(isClickHouseUrl('./tracer.duckdb')).toBe(false);
    expect(isClickHouseUrl('C:\\cases\\a.duckdb')).toBe(false);
  });

  it('rejects bad database names and schemes with one line', () => {
    expect(() => parseClickHouseUrl('clickhouse://h/drop table;')).toThrow(InputError);
    expect(() => parseClickHouseUrl('clickhouse://h:notaport/db')).toThrow(/Cannot parse store URL/);
  });

  it('never prints the password', () => {
    expect(describeTarget(parseClickHouseUrl('clickhouse://bob:pw@h:1/db'))).toBe('clickhouse://bob@h:1/db');
  });
});
