import { describe, expect, it } from 'vitest';
import { addMissingColumnsSql, createTableSql, quoteIdent, sqlType } from './ddl.js';
import { connSchema } from './schema/conn.js';

describe('ddl', () => {
  it('maps Zeek types to DuckDB types', () => {
    expect(sqlType('time')).toBe('DOUBLE');
    expect(sqlType('addr')).toBe('VARCHAR');
    expect(sqlType('port')).toBe('INTEGER');
    expect(sqlType('count')).toBe('BIGINT');
    expect(sqlType('bool')).toBe('BOOLEAN');
    expect(sqlType('set[string]')).toBe('VARCHAR[]');
  });

  it('creates one column per field with dots turned into underscores', () => {
    const sql = createTableSql(connSchema);
    expect(sql).toMatch(/^CREATE TABLE IF NOT EXISTS "conn" \(/);
    expect(sql).toContain('"id_orig_h" VARCHAR');
    expect(sql).toContain('"orig_bytes" BIGINT');
    expect(sql.split('\n')).toHaveLength(connSchema.fields.length + 2);
  });

  it('adds only the missing columns', () => {
    const existing = new Set(connSchema.fields.map((f) => f.name.replace(/\./g, '_')).filter((n) => n !== 'vlan'));
    expect(addMissingColumnsSql(connSchema, existing)).toEqual(['ALTER TABLE "conn" ADD COLUMN "vlan" BIGINT']);
  });

  it('quotes identifiers safely', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
