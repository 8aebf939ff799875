/** One changed value: where (JSON path), what it was, what it became (undefined = absent). */
export interface Change { path: string; from?: unknown; to?: unknown }

/** Deepest nesting compared before a whole sub-tree is reported as one change (case documents are shallow). */
const MAX_DIFF_DEPTH = 16;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The changes from `before` to `after`, leaf by leaf, for the history log.
 * `diff({a: 1}, {a: 2})` → `[{ path: 'a', from: 1, to: 2 }]`.
 */
export function diff(before: unknown, after: unknown, path = '', depth = 0): Change[] {
  if (Object.is(before, after)) return [];
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects = isObject(before) && isObject(after) && !Array.isArray(before) && !Array.isArray(after);
  if (depth >= MAX_DIFF_DEPTH || !(bothArrays || bothObjects)) return [{ path: path || '$', from: before, to: after }];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const changes: Change[] = [];
  for (const key of keys) changes.push(...diff(a[key], b[key], path ? `${path}.${key}` : key, depth + 1));
  return changes;
}
