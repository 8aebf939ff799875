import { ValidationError } from './errors.js';

/** Longest text field accepted (names, facts, notes): bounds what a request can store. */
export const MAX_TEXT = 4096;
/** Most items in one list field (facts per side, notes, tickets, evidence). */
export const MAX_ITEMS = 1000;

/** Short names investigators type for element types. */
const ALIASES: Record<string, string> = { fw: 'firewall', ap: 'wireless_ap', lb: 'load_balancer', wap: 'wireless_ap', host: 'endpoint', hold: 'on_hold' };

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A string field, trimmed; `required` rejects empty. */
export function text(value: unknown, field: string, required = false): string {
  if (typeof value !== 'string') throw new ValidationError(field, `expected a string, got ${value === null ? 'null' : typeof value}`);
  const trimmed = value.trim();
  if (required && trimmed === '') throw new ValidationError(field, 'must not be empty');
  if (trimmed.length > MAX_TEXT) throw new ValidationError(field, `longer than ${MAX_TEXT} characters`);
  return trimmed;
}

/**
 * One of `allowed`, matched case- and separator-insensitively, with short aliases:
 * `choice(ELEMENT_TYPES, 'Load Balancer', 'type')` → `load_balancer`.
 */
export function choice<T extends string>(allowed: readonly T[], value: unknown, field: string): T {
  const wanted = typeof value === 'string' ? normalise(value) : '';
  const found = allowed.find((a) => normalise(a) === wanted || normalise(a) === ALIASES[wanted]);
  if (!found) throw new ValidationError(field, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  return found;
}

/** A list field whose items each pass `item` (called with the item's field name). */
export function list<T>(value: unknown, field: string, item: (v: unknown, field: string) => T): T[] {
  if (!Array.isArray(value)) throw new ValidationError(field, 'expected an array');
  if (value.length > MAX_ITEMS) throw new ValidationError(field, `more than ${MAX_ITEMS} items`);
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

/** A plain JSON object (not an array or null). */
export function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(field, 'expected an object');
  return value as Record<string, unknown>;
}

/** Rejects keys not in `known` so typos in a request do not pass silently. */
export function onlyKeys(value: Record<string, unknown>, known: readonly string[], field: string): void {
  const extra = Object.keys(value).find((k) => !known.includes(k));
  if (extra !== undefined) throw new ValidationError(field ? `${field}.${extra}` : extra, `unknown field; expected one of ${known.join(', ')}`);
}
