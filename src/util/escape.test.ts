import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, escapeHtml, escapeTerminal, escapeZeek } from './escape.js';

/** Parses one RFC 4180 cell back (the inverse of the quoting step). */
function unquoteCsv(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

describe('escapeTerminal', () => {
  it('makes escape sequences and bidi overrides visible', () => {
    expect(escapeTerminal('a\x1b[2Jb\x07\r\u202e')).toBe('a\\x1b[2Jb\\x07\\x0d\\u{202e}');
    expect(escapeTerminal('plain tëxt 🙂')).toBe('plain tëxt 🙂');
  });

  it('never lets a control character through', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(escapeTerminal(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }));
  });
});

describe('escapeCsvCell', () => {
  it('guards formulas and quotes per RFC 4180', () => {
    expect(escapeCsvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(escapeCsvCell('-1')).toBe("'-1");
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('plain')).toBe('plain');
  });

  it('never starts a cell with a formula character and round-trips the content', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const cell = escapeCsvCell(s);
      expect(unquoteCsv(cell)).not.toMatch(/^[=+\-@\t\r]/);
      const back = unquoteCsv(cell);
      expect(back === s || back === "'" + s).toBe(true);
    }));
  });
});

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('never leaves a raw < > " or \'', () => {
    fc.assert(fc.property(fc.string(), (s) => { expect(escapeHtml(s)).not.toMatch(/[<>"']/); }));
  });
});

describe('escapeZeek', () => {
  it('escapes like Zeek: separators, controls, backslash and UTF-8 bytes', () => {
    expect(escapeZeek('a\tb\\c\x00')).toBe('a\\x09b\\\\c\\x00');
    expect(escapeZeek('café')).toBe('caf\\xc3\\xa9');
    expect(escapeZeek('a,b', '\t,')).toBe('a\\x2cb');
  });

  it('outputs printable ASCII only, never a separator', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(escapeZeek(s, '\t,')).toMatch(/^[\x20-\x7e]*$/);
      expect(escapeZeek(s, '\t,')).not.toMatch(/[\t,]/);
    }));
  });
});
