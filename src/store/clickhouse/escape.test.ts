import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindParams, quoteId, sqlLiteral } from './escape.js';

describe('ClickHouse literals', () => {
  it('escapes quotes, backslashes and NUL', () => {
    expect(sqlLiteral("it's")).toBe("'it\\'s'");
    expect(sqlLiteral('a\\b')).toBe("'a\\\\b'");
    expect(sqlLiteral('a\0b')).toBe("'a\\0b'");
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('1');
    expect(sqlLiteral(2n ** 70n)).toBe('1180591620717411303424');
    expect(quoteId('we`ird')).toBe('`we\\`ird`');
  });

  it('never lets a string end its literal early', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const lit = sqlLiteral(s);
      // Between the outer quotes every quote is escaped by an odd run of backslashes.
      const body = lit.slice(1, -1);
      for (let i = 0; i < body.length; i++) {
        if (body[i] !== "'") continue;
        let n = 0;
        for (let j = i - 1; j >= 0 && body[j] === '\\'; j--) n++;
        expect(n % 2).toBe(1);
      }
    }));
  });

  it('binds positional and named placeholders outside quotes and comments', () => {
    expect(bindParams("SELECT ?, '?' -- ? \n, ?", ['x', 2])).toBe("SELECT 'x', '?' -- ? \n, 2");
    expect(bindParams('SELECT $min_ports + $min_ports, `$x`', { min_ports: 15 })).toBe('SELECT 15 + 15, `$x`');
    expect(() => bindParams('SELECT ?', [])).toThrow(/no value/);
  });
});
