import type { Row } from '../../plain-row.js';

/** Equal values, numbers within 1e-9 (relative for large ones): DuckDB and ClickHouse sum floats in different orders. */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    return same(Object.keys(a), Object.keys(b)) && Object.entries(a).every(([k, v]) => same(v, (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** The first difference between two result sets, or null: row count, columns, then values in order. */
export function firstDifference(a: Row[], b: Row[]): string | null {
  if (a.length !== b.length) return `${a.length} rows on DuckDB, ${b.length} on ClickHouse`;
  for (let i = 0; i < a.length; i++) {
    if (!same(Object.keys(a[i]), Object.keys(b[i]))) return `columns ${Object.keys(a[i])} vs ${Object.keys(b[i])}`;
    for (const k of Object.keys(a[i])) if (!same(a[i][k], b[i][k])) return `row ${i} ${k}: ${JSON.stringify(a[i][k])} vs ${JSON.stringify(b[i][k])}`;
  }
  return null;
}
