import { describe, expect, it } from 'vitest';
import { inlineWith, planQuery } from './inline-with.js';

describe('inlineWith', () => {
  it('replaces references after FROM and JOIN by their subqueries, earlier names inside later ones', () => {
    const sql = `-- note\nWITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a WHERE x > 0)\nSELECT * FROM b AS l JOIN a ON l.x = a.x`;
    expect(inlineWith(sql)).toBe(`-- note\nSELECT * FROM (SELECT x FROM (SELECT 1 AS x) AS a WHERE x > 0) AS l JOIN (SELECT 1 AS x) AS a ON l.x = a.x`);
  });

  it('leaves names in strings, comments and column positions alone', () => {
    const sql = `WITH t AS (SELECT 2 AS n) SELECT 'FROM t' AS s, t.n -- FROM t\nFROM t`;
    expect(inlineWith(sql)).toBe(`SELECT 'FROM t' AS s, t.n -- FROM t\nFROM (SELECT 2 AS n) AS t`);
  });

  it('expands views given by name and keeps a scalar WITH', () => {
    expect(inlineWith('WITH 3 AS k SELECT k FROM v', { v: 'SELECT 1' })).toBe('WITH 3 AS k SELECT k FROM (SELECT 1) AS v');
  });

  it('rejects unbalanced parentheses', () => {
    expect(() => inlineWith('WITH t AS (SELECT 1 SELECT 2')).toThrow(/unbalanced/);
  });
});

describe('planQuery', () => {
  it('computes MATERIALIZED subqueries once, into temporary tables the later ones read', () => {
    const plan = planQuery('WITH a AS MATERIALIZED (SELECT 1 AS x), b AS (SELECT x FROM a), c AS MATERIALIZED (SELECT * FROM b AS l JOIN a ON 1)\nSELECT * FROM c, a AS z');
    expect(plan.materialize).toEqual([
      { table: 'tracer_tmp_a', sql: 'SELECT 1 AS x' },
      { table: 'tracer_tmp_c', sql: 'SELECT * FROM (SELECT x FROM tracer_tmp_a AS a) AS l JOIN tracer_tmp_a AS a ON 1' },
    ]);
    expect(plan.sql).toBe('SELECT * FROM tracer_tmp_c AS c, a AS z');
  });
});
