/**
 * Escaping of attacker-controlled strings (from traffic, file names, logs) for
 * the places Tracer prints them: terminals, CSV cells, HTML and Zeek TSV logs.
 */

/** C0 controls, DEL, C1 controls, and the bidi/line controls that can reorder or hide terminal text. */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function hexByte(code: number): string {
  return '\\x' + code.toString(16).padStart(2, '0');
}

function escapeTerminalChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? hexByte(code) : `\\u{${code.toString(16)}}`;
}

/**
 * Makes a string safe to print on a terminal: control characters (escape
 * sequences, bell, backspace, CR) and bidi overrides become visible `\xNN` /
 * `\u{NNNN}` text. `escapeTerminal('a\x1b[2J')` → `a\x1b[2J` (literally).
 */
export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, escapeTerminalChar);
}

/** First characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that force a CSV cell to be quoted (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 CSV cell, guarded against formula injection: a cell starting
 * with = + - @ tab or CR gets a leading `'`. `escapeCsvCell('=1+1')` → `'=1+1`;
 * `escapeCsvCell('a,"b"')` → `"a,""b"""`.
 */
export function escapeCsvCell(text: string): string {
  const guarded = FORMULA_START.test(text) ? "'" + text : text;
  return NEEDS_QUOTES.test(guarded) ? '"' + guarded.replace(/"/g, '""') + '"' : guarded;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attributes: `escapeHtml('<b>')` → `&lt;b&gt;`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

const UTF8 = new TextEncoder();

/**
 * Escapes a string value as Zeek writes it in TSV logs: backslash doubled,
 * every byte outside printable ASCII (controls, DEL, each UTF-8 byte of a
 * non-ASCII character) and every character of `special` (the separators) as
 * `\xNN`. `escapeZeek('a\tb')` → `a\x09b`.
 */
export function escapeZeek(text: string, special = '\t'): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (code >= 0x20 && code < 0x7f && !special.includes(ch)) out += ch;
    else if (code < 0x80) out += hexByte(code);
    else for (const b of UTF8.encode(ch)) out += hexByte(b);
  }
  return out;
}
