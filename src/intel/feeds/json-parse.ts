/** A JSON document, or where and why it failed to parse. */
export type JsonParsed = { value: unknown } | { line: number; message: string };

/**
 * Parses JSON text without throwing: a syntax error comes back with the
 * 1-based line computed from the parser's reported position.
 */
export function parseJsonSafely(text: string): JsonParsed {
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { line: countLines(text, errorPosition(text, message)), message: `invalid JSON: ${firstLine(message)}` };
  }
}

/** Characters V8 quotes on each side of the bad token in its message. */
const V8_CONTEXT_CHARACTERS = 10;

/** Where V8's message says the error is: an explicit position, the end, or the quoted excerpt located in the text. */
function errorPosition(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/end of JSON input/.test(message)) return text.length;
  const excerpt = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!excerpt) return 0;
  const at = text.indexOf(excerpt[3]);
  if (at < 0) return 0;
  return excerpt[2] ? at + V8_CONTEXT_CHARACTERS : at + excerpt[3].indexOf(excerpt[1]);
}

function firstLine(message: string): string {
  const cut = message.replace(/, (?:\.\.\.)?"[\s\S]*$/, '');
  return cut.length > 120 ? cut.slice(0, 120) + '…' : cut;
}

function countLines(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The value at a dotted field path (`threat.ip`) inside a JSON record, or undefined. */
export function valueAtPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
