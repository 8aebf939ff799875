import { escapeZeek } from '../../util/escape.js';
import type { FieldType } from '../schema/types.js';

/** Zeek's field separator (the `#separator` header line). */
export const ZEEK_SEPARATOR = '\t';
/** Separator of set and vector elements (`#set_separator`). */
export const ZEEK_SET_SEPARATOR = ',';
/** An empty string, set or vector (`#empty_field`). */
export const ZEEK_EMPTY = '(empty)';
/** An unset field (`#unset_field`). */
export const ZEEK_UNSET = '-';

/** Characters escaped inside a set or vector element (the separators). */
const ELEMENT_SPECIAL = ZEEK_SEPARATOR + ZEEK_SET_SEPARATOR;

/** Types Zeek writes with six decimals. */
const FIXED_TYPES: ReadonlySet<FieldType> = new Set(['time', 'interval', 'double', 'vector[interval]']);

function scalar(value: unknown, type: FieldType, special: string): string {
  if (type === 'bool') return value === true ? 'T' : 'F';
  if (typeof value === 'number') return FIXED_TYPES.has(type) ? value.toFixed(6) : String(value);
  const text = escapeZeek(String(value), special);
  // A string that reads as a marker gets its first character escaped so that it is not mistaken for one.
  return text === ZEEK_UNSET || text === ZEEK_EMPTY ? escapeZeek(text, text[0]) : text;
}

/**
 * One field as Zeek writes it in a TSV log: `-` when unset, `(empty)` for an
 * empty string or container, times with 6 decimals, bools as T/F, set and
 * vector elements joined by `,`, strings escaped (see escapeZeek).
 */
export function zeekTsvValue(value: unknown, type: FieldType): string {
  if (value === null || value === undefined) return ZEEK_UNSET;
  if (Array.isArray(value)) {
    if (value.length === 0) return ZEEK_EMPTY;
    return value.map((v) => (v === null ? ZEEK_UNSET : scalar(v, type, ELEMENT_SPECIAL))).join(ZEEK_SET_SEPARATOR);
  }
  if (value === '') return ZEEK_EMPTY;
  return scalar(value, type, ZEEK_SEPARATOR);
}
