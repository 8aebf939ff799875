import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvRows } from './csv-rows.js';

describe('parseCsvRows', () => {
  it('handles quotes, doubled quotes, CRLF, BOM and blank lines with line numbers', () => {
    const errors: string[] = [];
    const rows = parseCsvRows('\ufeffa,b\r\n"x,1","say ""hi""\nthere"\n\nlast,', (l, m) => errors.push(`${l}:${m}`));
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x,1', 'say "hi"\nthere'] },
      { line: 5, cells: ['last', ''] },
    ]);
    expect(errors).toEqual([]);
  });
  it('reports an unterminated quote with its line', () => {
    const errors: string[] = [];
    parseCsvRows('a\n"open,b\nc', (l, m) => errors.push(`${l}:${m}`));
    expect(errors).toEqual(['2:unterminated quoted field']);
  });
  it('round-trips fields it quoted itself and never throws', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', 'b') });
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { maxLength: 5 }), (table) => {
      const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
      expect(parseCsvRows(text, () => {}).map((r) => r.cells)).toEqual(table);
    }));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { parseCsvRows(s, () => {}); }));
  });
});
