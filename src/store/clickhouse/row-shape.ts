import type { Row } from '../plain-row.js';
import { argMaxN } from './arg-max-n.js';

/**
 * How a ClickHouse result row is turned into the values DuckDB gives for the same query, declared
 * in the query's comments (18.16 has no Bool, no nullable arrays and no named tuples):
 * `-- bool: a, b` (0/1 → false/true), `-- null-if-empty: c` ([] → null),
 * `-- struct: d(x, y)` (a tuple, or an array of tuples, → objects with those keys),
 * `-- arg-max-n: e(20)` ([by, value] pairs in input order → DuckDB's `arg_max(value, by, 20)`).
 */
export interface RowShape {
  bools: string[];
  nullIfEmpty: string[];
  structs: Map<string, string[]>;
  argMaxN: Map<string, number>;
}

function names(sql: string, directive: string): string[] {
  const out: string[] = [];
  for (const m of sql.matchAll(new RegExp(`^\\s*--\\s*${directive}:(.*)$`, 'gm'))) out.push(...m[1].split(',').map((s) => s.trim()).filter(Boolean));
  return out;
}

/** The shape directives of a query (empty for plain queries). */
export function parseRowShape(sql: string): RowShape | null {
  if (!sql.includes('--')) return null;
  const structs = new Map<string, string[]>();
  for (const m of sql.matchAll(/^\s*--\s*struct:\s*(\w+)\(([^)]*)\)\s*$/gm)) structs.set(m[1], m[2].split(',').map((s) => s.trim()));
  const top = new Map<string, number>();
  for (const m of sql.matchAll(/^\s*--\s*arg-max-n:\s*(\w+)\((\d+)\)\s*$/gm)) top.set(m[1], Number(m[2]));
  const shape = { bools: names(sql, 'bool'), nullIfEmpty: names(sql, 'null-if-empty'), structs, argMaxN: top };
  return shape.bools.length + shape.nullIfEmpty.length + structs.size + top.size > 0 ? shape : null;
}

function toObject(keys: string[], tuple: unknown): unknown {
  return Array.isArray(tuple) ? Object.fromEntries(keys.map((k, i) => [k, tuple[i]])) : tuple;
}

/** Applies `shape` to a row in place and returns it. */
export function shapeRow(row: Row, shape: RowShape): Row {
  for (const b of shape.bools) if (typeof row[b] === 'number') row[b] = row[b] !== 0;
  for (const n of shape.nullIfEmpty) if (Array.isArray(row[n]) && row[n].length === 0) row[n] = null;
  for (const [name, n] of shape.argMaxN) if (Array.isArray(row[name])) row[name] = argMaxN(row[name] as [unknown, unknown][], n);
  for (const [name, keys] of shape.structs) {
    const v = row[name];
    // A list of structs arrives as an array of arrays; a single struct as one array of scalars.
    row[name] = Array.isArray(v) && v.every(Array.isArray) && v.length > 0 ? v.map((t) => toObject(keys, t)) : toObject(keys, v);
  }
  return row;
}
