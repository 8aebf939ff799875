import { readFileSync } from 'node:fs';
import type { FieldType, LogRecord, LogSchema } from '../schema/types.js';
import { columnName } from '../schema/types.js';

/** A Zeek TSV log read back: its schema (from #path/#fields/#types), records, and raw data lines. */
export interface ZeekTsvFixture {
  schema: LogSchema;
  records: LogRecord[];
  lines: string[];
}

function unescapeZeek(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === 'x') { bytes.push(parseInt(text.slice(i + 2, i + 4), 16)); i += 3; }
    else if (text[i] === '\\' && text[i + 1] === '\\') { bytes.push(0x5c); i += 1; }
    else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseValue(text: string, type: FieldType): LogRecord[string] {
  if (text === '-') return null;
  if (type.startsWith('set[') || type.startsWith('vector[')) {
    if (text === '(empty)') return [];
    const items = text.split(',').map(unescapeZeek);
    return type === 'vector[count]' || type === 'vector[interval]' ? items.map(Number) : items;
  }
  switch (type) {
    case 'time': case 'interval': case 'double': case 'port': case 'count': case 'int': return Number(text);
    case 'bool': return text === 'T';
    default: return text === '(empty)' ? '' : unescapeZeek(text);
  }
}

/** Reads a Zeek TSV log (test fixture helper; Zeek's own logs from the corpus). */
export function readZeekTsv(path: string): ZeekTsvFixture {
  const all = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = (name: string): string[] => (all.find((l) => l.startsWith(name + '\t')) ?? '').split('\t').slice(1);
  const names = header('#fields');
  const types = header('#types') as FieldType[];
  const schema: LogSchema = {
    name: header('#path')[0], doc: `fixture read from ${path}`,
    fields: names.map((name, i) => ({ name, type: types[i], doc: 'from the log header.' })),
  };
  const lines = all.filter((l) => !l.startsWith('#'));
  const records = lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(schema.fields.map((f, i) => [columnName(f), parseValue(cells[i], f.type)]));
  });
  return { schema, records, lines };
}
