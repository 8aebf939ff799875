/** A query result row with JavaScript values: numbers, strings, booleans, arrays, null. */
export type Row = Record<string, unknown>;

/** Converts DuckDB's JS values to plain ones: bigint → number when exactly representable, else decimal string. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}

/** Converts every value of a row in place (see plainValue) and returns it. */
export function plainRow(row: Record<string, unknown>): Row {
  for (const key of Object.keys(row)) row[key] = plainValue(row[key]);
  return row;
}
