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

/** How a `#types` type is read, worked out once per header rather than per field per line. */
export interface ZeekType {
  /** set[…] or vector[…]: elements separated by the set separator. */
  container: boolean;
  /** How a scalar (or each element) reads. */
  scalar: 'number' | 'bool' | 'string';
}

/** The reading of a Zeek `#types` type name (`count`, `set[string]`…); unknown types read as strings. */
export function zeekType(type: string): ZeekType {
  const open = type.indexOf('[');
  const container = open > 0 && (type.startsWith('set[') || type.startsWith('vector['));
  const inner = container ? type.slice(open + 1, -1) : type;
  return { container, scalar: NUMERIC.has(inner) ? 'number' : inner === 'bool' ? 'bool' : 'string' };
}

/** Returned for a field that does not read as its declared type. */
export const BAD_VALUE = Symbol('bad value');

function readScalar(text: string, scalar: ZeekType['scalar']): string | number | boolean | typeof BAD_VALUE {
  if (scalar === 'number') return NUMBER_TEXT.test(text) ? Number(text) : BAD_VALUE;
  if (scalar === 'bool') return text === 'T' ? true : text === 'F' ? false : BAD_VALUE;
  return unescapeZeek(text);
}

/**
 * One Zeek TSV field read as its `#types` type: null when unset, numbers for
 * times/counts/ports, booleans for T/F, arrays for sets and vectors, strings
 * unescaped. Returns BAD_VALUE when the text is not of that type.
 */
export function readZeekValue(text: string, type: ZeekType, markers: ZeekMarkers): Value | typeof BAD_VALUE {
  if (text === markers.unset) return null;
  if (text === markers.empty) return type.container ? [] : '';
  if (!type.container) return readScalar(text, type.scalar);
  const items = text.split(markers.setSeparator);
  const out: (string | number)[] = [];
  for (const item of items) {
    const v = readScalar(item, type.scalar);
    if (v === BAD_VALUE || typeof v === 'boolean') return BAD_VALUE;
    out.push(v);
  }
  return out;
}
