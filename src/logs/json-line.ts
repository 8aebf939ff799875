/** A JSON object read from one log line. */
export type JsonObject = Record<string, unknown>;

/** The object on a JSON line, or null when the line is not a JSON object (bad JSON, array, scalar). */
export function parseJsonObject(text: string): JsonObject | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** `obj[key]` when it is an object, else null. */
export function objectAt(obj: JsonObject | null | undefined, key: string): JsonObject | null {
  const v = obj?.[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null;
}

/** `obj[key]` as a string (numbers are written out), else null. */
export function stringAt(obj: JsonObject | null | undefined, key: string): string | null {
  const v = obj?.[key];
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

/** `obj[key]` as a finite number (numeric strings included), else null. */
export function numberAt(obj: JsonObject | null | undefined, key: string): number | null {
  const v = obj?.[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}
