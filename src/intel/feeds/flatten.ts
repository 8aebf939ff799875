import { newRecord } from '../../util/record.js';

/** Deepest nesting of a feed record that is flattened; deeper parts are cut. */
const MAX_CONTEXT_DEPTH = 8;
/** Most context fields kept per record (a hostile feed cannot blow up every answer line). */
export const MAX_CONTEXT_FIELDS = 64;
/** Longest context value kept, in characters. */
const MAX_VALUE_LENGTH = 2048;

/**
 * Flattens a feed record into `field=value` context, nested keys joined with
 * dots (`threat.name`), arrays of scalars joined with commas and arrays of
 * objects indexed (`files.0.md5`). Nulls and empty strings are left out.
 * @example flattenContext({ a: { b: 1 }, t: ['x', 'y'] }) // { 'a.b': '1', t: 'x,y' }
 */
export function flattenContext(record: unknown, skip: ReadonlySet<string> = new Set()): Record<string, string> {
  const out = newRecord<string>();
  walk(record, '', 0, skip, out);
  return out;
}

function walk(value: unknown, path: string, depth: number, skip: ReadonlySet<string>, out: Record<string, string>): void {
  if (value === null || value === undefined || value === '' || skip.has(path)) return;
  if (Object.keys(out).length >= MAX_CONTEXT_FIELDS) return;
  if (typeof value !== 'object') {
    const text = String(value);
    out[path || 'value'] = text.length > MAX_VALUE_LENGTH ? text.slice(0, MAX_VALUE_LENGTH) : text;
    return;
  }
  if (depth >= MAX_CONTEXT_DEPTH) return;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    walk(value.filter((v) => v !== null && v !== '').join(','), path, depth, skip, out);
    return;
  }
  for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key, depth + 1, skip, out);
}
