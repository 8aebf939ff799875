import type { LogRecord } from '../store/schema/types.js';

/** The markers a Zeek TSV header declares. */
export interface ZeekMarkers {
  separator: string;
  setSeparator: string;
  empty: string;
  unset: string;
}

/** Zeek's defaults, used until the header says otherwise. */
export const DEFAULT_MARKERS: Readonly<ZeekMarkers> = { separator: '\t', setSeparator: ',', empty: '(empty)', unset: '-' };

type Value = LogRecord[string];
const ESCAPE = /\\x([0-9a-fA-F]{2})|\\\\/g;

/** Undoes Zeek's escaping: `\xNN` byte escapes (UTF-8 sequences rejoined) and `\\`. `a\x09b` → `a<TAB>b`. */
export function unescapeZeek(text: string): string {
  if (!text.includes('\\')) return text;
  const bytes: number[] = [];
  let last = 0;
  for (const m of text.matchAll(ESCAPE)) {
    for (const b of Buffer.from(text.slice(last, m.index), 'utf8')) bytes.push(b);
    bytes.push(m[1] === undefined ? 0x5c : parseInt(m[1], 16));
    last = m.index + m[0].length;
  }
  for (const b of Buffer.from(text.slice(last), 'utf8')) bytes.push(b);
  return Buffer.from(bytes).toString('utf8');
}

const NUMERIC: ReadonlySet<string> = new Set(['time', 'interval', 'double', 'count', 'int', 'port']);
const NUMBER_TEXT = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** Returned for a field that does not read as its declared type. */
export const BAD_VALUE = Symbol('bad value');

/**
 * One Zeek TSV field read as its `#types` type: null when unset, numbers for
 * times/counts/ports, booleans for T/F, arrays for sets and vectors, strings
 * unescaped. Returns BAD_VALUE when the text is not of that type.
 */
export function readZeekValue(text: string, type: string, markers: ZeekMarkers): Value | typeof BAD_VALUE {
  if (text === markers.unset) return null;
  const container = type.startsWith('set[') || type.startsWith('vector[');
  if (text === markers.empty) return container ? [] : '';
  if (container) {
    const inner = type.slice(type.indexOf('[') + 1, -1);
    const items = text.split(markers.setSeparator).map((t) => readZeekValue(t, inner, markers));
    return items.some((v) => v === BAD_VALUE || v === null || typeof v === 'boolean' || Array.isArray(v)) ? BAD_VALUE : (items as (string | number)[]);
  }
  if (NUMERIC.has(type)) return NUMBER_TEXT.test(text) ? Number(text) : BAD_VALUE;
  if (type === 'bool') return text === 'T' ? true : text === 'F' ? false : BAD_VALUE;
  return unescapeZeek(text);
}
