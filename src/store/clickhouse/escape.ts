/**
 * Client-side value binding for ClickHouse 18.16, which has no server-side query parameters:
 * every value becomes a quoted literal, with backslash and quote escaped as ClickHouse reads them.
 */

/** A value that can be bound to a placeholder. */
export type Bindable = string | number | bigint | boolean | null | undefined;

/** A ClickHouse literal for `v`: `sqlLiteral("it's")` → `'it\'s'`, `sqlLiteral(null)` → `NULL`. */
export function sqlLiteral(v: Bindable): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return String(v);
  }
  return "'" + v.replace(/[\\']/g, (c) => '\\' + c).replace(/\0/g, '\\0') + "'";
}

/** A ClickHouse identifier in backquotes: `quoteId('id_orig_h')` → `` `id_orig_h` ``. */
export function quoteId(name: string): string {
  return '`' + name.replace(/[\\`]/g, (c) => '\\' + c) + '`';
}

function literalFor(params: readonly Bindable[] | Record<string, Bindable>, key: number | string): string {
  const has = Array.isArray(params) ? typeof key === 'number' && key < params.length : Object.prototype.hasOwnProperty.call(params, key);
  if (!has) throw new RangeError(`Cannot bind parameter ${typeof key === 'number' ? `#${key + 1}` : `$${key}`}: no value given`);
  const value = Array.isArray(params) ? params[key as number] : (params as Record<string, Bindable>)[key as string];
  if (typeof value === 'object' && value !== null) throw new TypeError(`Cannot bind parameter ${String(key)}: not a scalar`);
  return sqlLiteral(value);
}

/**
 * Replaces `?` (positional) and `$name` (named) placeholders outside quotes and comments with
 * literals: `bindParams('SELECT ? AS a', ["x'"])` → `SELECT 'x\'' AS a`.
 */
export function bindParams(sql: string, params?: readonly Bindable[] | Record<string, Bindable>): string {
  if (!params) return sql;
  let out = '';
  let next = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== c) j += sql[j] === '\\' ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      const end = j < 0 ? sql.length : j;
      out += sql.slice(i, end);
      i = end;
    } else if (c === '?') {
      out += literalFor(params, next++);
      i++;
    } else if (c === '$' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      out += literalFor(params, m[0]);
      i += 1 + m[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
