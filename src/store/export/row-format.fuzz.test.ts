import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connSchema } from '../schema/conn.js';
import { columnName } from '../schema/types.js';
import { csvFormat } from './csv.js';
import { zeekJsonFormat } from './zeek-json.js';
import { zeekTsvFormat } from './zeek-tsv.js';

const seconds = Number(process.env.FUZZ_SECONDS ?? 3);
const ctx = { schema: connSchema, firstTs: 0, lastTs: 1 };
const value = fc.oneof(fc.constant(null), fc.string({ unit: 'binary' }), fc.double({ noNaN: true }), fc.boolean(), fc.integer());
const row = fc.record(Object.fromEntries(connSchema.fields.map((f) => [columnName(f), value])));

/** Splits one RFC 4180 record (CRLF-terminated) into unquoted cells. */
function parseCsvLine(line: string): string[] {
  const body = line.slice(0, -2);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted && ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe('text formats on arbitrary values', () => {
  it('zeek-tsv: one line, one cell per field, printable ASCII; zeek-json: one parsable line; csv: no formula start', () => {
    const tsv = zeekTsvFormat(ctx);
    const json = zeekJsonFormat(ctx);
    const csv = csvFormat(ctx);
    fc.assert(fc.property(row, (r) => {
      const line = tsv.row(r);
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).toMatch(/^[\x20-\x7e\t]*$/);
      expect(line.slice(0, -1).split('\t')).toHaveLength(connSchema.fields.length);
      expect(json.row(r).trimEnd()).not.toContain('\n');
      JSON.parse(json.row(r));
      const cells = parseCsvLine(csv.row(r));
      expect(cells).toHaveLength(connSchema.fields.length);
      for (const cell of cells) expect(cell).not.toMatch(/^[=+@\t\r]/);
    }), { interruptAfterTimeLimit: seconds * 1000, numRuns: 1_000_000 });
  });
});
