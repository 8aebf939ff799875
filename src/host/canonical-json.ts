/**
 * Characters JSON leaves raw that terminals may still act on: DEL, C1 controls
 * (U+009B is CSI), line separators and bidi overrides. JSON.stringify already
 * escapes C0 controls.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text of `value` (key order kept) with every character a terminal could
 * act on written as a `\uXXXX` escape: the same value, safe to `cat`.
 * @example safeJson({ cmd: 'a\u009b2J' }) // '{"cmd":"a\\u009b2J"}'
 */
export function safeJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace,
 * strings and numbers as {@link safeJson} writes them. Two equal records
 * always serialise to the same bytes, so their hashes can be recomputed by anyone.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return safeJson(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${safeJson(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
