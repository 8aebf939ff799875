import { newRecord } from '../util/record.js';

/**
 * Context of a feed record as it travels on the CyberTrace wire:
 * `field=value|field=value`. Separators and control characters inside fields
 * are backslash-escaped (`\|`, `\=`, `\\`, `\n`, `\r`, `\xHH`), so a feed
 * value can never end an answer line early or forge another field.
 */
export function contextToText(context: Record<string, string>): string {
  let text = '';
  for (const [key, value] of Object.entries(context)) {
    if (text) text += '|';
    text += escapeField(key) + '=' + escapeField(value);
  }
  return text;
}

const NEEDS_ESCAPE = /[\\|=\x00-\x1f\x7f]/;

/** Escapes one field for the wire (see {@link contextToText}). */
export function escapeField(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\|=\x00-\x1f\x7f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\\' || c === '|' || c === '=') return '\\' + c;
    return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
  });
}

/** Reads context text back into fields; the inverse of {@link contextToText}. */
export function textToContext(text: string): Record<string, string> {
  const out = newRecord<string>();
  let key = '';
  let current = '';
  let inValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i];
      if (next === 'n') current += '\n';
      else if (next === 'r') current += '\r';
      else if (next === 'x') { current += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)); i += 2; }
      else current += next;
    } else if (c === '=' && !inValue) {
      key = current; current = ''; inValue = true;
    } else if (c === '|') {
      if (inValue) out[key] = current;
      key = ''; current = ''; inValue = false;
    } else current += c;
  }
  if (inValue) out[key] = current;
  return out;
}
