import { sqlLiteral } from '../store/clickhouse/escape.js';
import { dialectOf } from '../store/dialect.js';
import type { Store } from '../store/duckdb.js';

/** A value of a list parameter: text, a number or a list of those. */
type Item = string | number | readonly Item[];

/** ClickHouse's text form of a value, as CAST(text AS Array(…)) reads it. */
function chText(v: Item): string {
  if (Array.isArray(v)) return `[${v.map(chText).join(',')}]`;
  return typeof v === 'number' ? String(v) : sqlLiteral(v as string);
}

/**
 * A list of records as one bound text value, in the form `store`'s SQL reads it: JSON objects for
 * DuckDB's `from_json`, an array of tuples (the `fields` in order) for ClickHouse 18.16, which has
 * no JSON functions but reads `CAST($list AS Array(Tuple(…)))`. Without fields, a plain array.
 * @example listParam(store, [{ key: 'a', since: 1 }], ['key', 'since']) // ClickHouse: "[('a',1)]"
 */
export function listParam(store: Store, records: readonly unknown[], fields?: readonly string[]): string {
  if (dialectOf(store) === 'duckdb') return JSON.stringify(records);
  const items = records.map((r) => (fields ? `(${fields.map((f) => chText((r as Record<string, Item>)[f])).join(',')})` : chText(r as Item)));
  return `[${items.join(',')}]`;
}
