import { describe, expect, it } from 'vitest';
import { allSchemas } from '../schema/index.js';
import { connSchema } from '../schema/conn.js';
import { addMissingColumnsSql, createTableSql, sortKey } from './ddl.js';

describe('ClickHouse DDL from the schema files', () => {
  it('creates conn as a MergeTree ordered by originator and time', () => {
    const sql = createTableSql(connSchema, 'cases');
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS `cases`.`conn`');
    expect(sql).toContain('`id_orig_h` Nullable(String)');
    expect(sql).toContain('`orig_bytes` Nullable(Int64)');
    expect(sql).toContain('`local_orig` Nullable(UInt8)');
    expect(sql).toMatch(/ENGINE = MergeTree ORDER BY \(ifNull\(`id_orig_h`, ''\), ifNull\(`ts`, 0\), _batch, _row\)$/);
  });

  it('gives every registered stream a column per field plus the batch columns', () => {
    for (const schema of allSchemas) {
      const sql = createTableSql(schema, 'db');
      expect(sql.split('\n').length).toBe(schema.fields.length + 4);
      expect(sortKey(schema)).toMatch(/_batch, _row\)$/);
    }
  });

  it('adds only the missing columns', () => {
    const have = new Set(connSchema.fields.map((f) => f.name.replace(/\./g, '_')).filter((c) => c !== 'community_id'));
    expect(addMissingColumnsSql(connSchema, 'db', have)).toEqual(['ALTER TABLE `db`.`conn` ADD COLUMN `community_id` Nullable(String)']);
  });
});
