import { newRecord } from '../../util/record.js';
import type { FeedOptions, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';
import { parseCsvRows } from './csv-rows.js';
import { kindFromTypeLabel } from './type-hint.js';

/** Column names taken as the indicator when the user names none, in order of preference. */
const KEY_COLUMNS = ['indicator', 'ioc', 'ip_address', 'ip', 'url', 'mask', 'domain', 'hash', 'sha256', 'md5', 'value'];
const TYPE_COLUMNS = ['indicatortype', 'indicator_type', 'type'];

/**
 * Loads a CSV feed: `options.key` (or a column named like an indicator) holds
 * the value, the other columns become context; a file whose first row is
 * already an indicator has no header and its first column is the key.
 * @example loadCsvFeed(text, 'iocs.csv', { name: 'mstic', key: 'Indicator', parentDomains: false, allowlist: false })
 */
export function loadCsvFeed(text: string, file: string, options: FeedOptions): LoadedFeed {
  const collector = new FeedCollector(file);
  const rows = parseCsvRows(text, (line, message) => collector.problem(line, message));
  if (rows.length === 0) return collector.result(options);
  const first = rows[0].cells.map((c) => c.trim());
  const headerless = !options.key && first.length === 1 && !KEY_COLUMNS.includes(first[0].toLowerCase());
  const header = headerless ? first.map((_, i) => `column${i + 1}`) : first;
  const keyColumn = headerless ? 0 : findColumn(header, options.key);
  if (keyColumn < 0) {
    collector.problem(rows[0].line, options.key ? `no column named "${options.key}" in the header` : `no indicator column; name one with key=<column>`);
    return collector.result(options);
  }
  const typeColumn = header.findIndex((h) => TYPE_COLUMNS.includes(h.toLowerCase()));
  for (const row of headerless ? rows : rows.slice(1)) {
    if (row.cells.length !== header.length) {
      collector.problem(row.line, `expected ${header.length} columns, found ${row.cells.length}`);
      continue;
    }
    const hint = typeColumn >= 0 ? kindFromTypeLabel(row.cells[typeColumn]) : undefined;
    if (hint === 'skip') continue;
    const context = newRecord<string>();
    header.forEach((name, i) => { if (i !== keyColumn && row.cells[i] !== '') context[name] = row.cells[i]; });
    collector.add(row.cells[keyColumn], { line: row.line, context, hint });
  }
  return collector.result(options);
}

function findColumn(header: string[], key: string | undefined): number {
  const lower = header.map((h) => h.toLowerCase());
  if (key) return lower.indexOf(key.toLowerCase());
  for (const name of KEY_COLUMNS) {
    const index = lower.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}
