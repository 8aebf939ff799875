import { latin1 } from '../bytes.js';
import { MAX_HEADERS, MAX_HEAD_BYTES, MAX_LOGGED_VALUE_CHARS } from './limits.js';

/** A parsed HTTP start line and its headers. */
export interface HttpHead {
  /** The start line's three parts: method, uri, version — or version, code, reason. */
  parts: [string, string, string];
  /** Header names lower-cased, values trimmed, in order. */
  headers: Array<[string, string]>;
  /** True when some value was cut to MAX_LOGGED_VALUE_CHARS or headers beyond MAX_HEADERS were dropped. */
  truncated: boolean;
}

/** First value of header `name` (lower case), or null. */
export function headerValue(head: HttpHead, name: string): string | null {
  for (const [n, v] of head.headers) if (n === name) return v;
  return null;
}

/**
 * Parses the head in `data[start, end)` (ending with its blank line). Returns
 * null when the start line does not have three space-separated parts.
 */
export function parseHead(data: Uint8Array, start: number, end: number): HttpHead | null {
  const text = latin1(data, start, Math.min(end, start + MAX_HEAD_BYTES));
  let lf = text.indexOf('\n');
  if (lf < 0) return null;
  const first = lineText(text, 0, lf);
  const sp1 = first.indexOf(' ');
  const sp2 = sp1 < 0 ? -1 : first.indexOf(' ', sp1 + 1);
  if (sp1 <= 0) return null;
  const head: HttpHead = {
    parts: [first.slice(0, sp1), sp2 < 0 ? first.slice(sp1 + 1) : first.slice(sp1 + 1, sp2), sp2 < 0 ? '' : first.slice(sp2 + 1)],
    headers: [],
    truncated: false,
  };
  for (let i = 0; i < 3; i++) head.parts[i] = clip(head, head.parts[i]);
  let pos = lf + 1;
  for (let n = 0; pos < text.length && n <= MAX_HEADERS; n++) {
    lf = text.indexOf('\n', pos);
    if (lf < 0) break;
    const line = lineText(text, pos, lf);
    pos = lf + 1;
    if (line === '') break;
    if (n === MAX_HEADERS) { head.truncated = true; break; }
    if ((line[0] === ' ' || line[0] === '\t') && head.headers.length > 0) {
      const last = head.headers[head.headers.length - 1];
      last[1] = clip(head, `${last[1]} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    head.headers.push([line.slice(0, colon).trim().toLowerCase(), clip(head, line.slice(colon + 1).trim())]);
  }
  return head;
}

/** The text of the line `[start, lf)`, without a CR before the LF. */
function lineText(text: string, start: number, lf: number): string {
  return text.slice(start, lf > start && text.charCodeAt(lf - 1) === 0x0d ? lf - 1 : lf);
}

function clip(head: HttpHead, value: string): string {
  if (value.length <= MAX_LOGGED_VALUE_CHARS) return value;
  head.truncated = true;
  return value.slice(0, MAX_LOGGED_VALUE_CHARS);
}
