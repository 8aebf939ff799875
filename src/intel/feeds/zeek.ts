import { newRecord } from '../../util/record.js';
import type { FeedOptions, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';
import { kindFromTypeLabel } from './type-hint.js';

/**
 * Loads a Zeek Intel framework file: a `#fields` header, tab-separated rows
 * with `indicator` and `indicator_type` (`Intel::ADDR`, `Intel::SUBNET`,
 * `Intel::DOMAIN`, `Intel::URL`, `Intel::FILE_HASH`); `meta.*` columns become
 * context (`meta.source` → `source`). Types Tracer cannot match (e.g.
 * `Intel::EMAIL`) are skipped; `-` is Zeek's empty value.
 */
export function loadZeekIntelFeed(text: string, file: string, options: FeedOptions): LoadedFeed {
  const collector = new FeedCollector(file);
  let fields: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.startsWith('#fields')) { fields = line.split('\t').slice(1); continue; }
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (fields.length === 0) { collector.problem(i + 1, 'data before the #fields header'); continue; }
    if (cells.length !== fields.length) { collector.problem(i + 1, `expected ${fields.length} tab-separated fields, found ${cells.length}`); continue; }
    const record = newRecord<string>();
    fields.forEach((name, f) => { if (cells[f] !== '-' && cells[f] !== '') record[name] = cells[f]; });
    const hint = kindFromTypeLabel(record.indicator_type);
    if (hint === 'skip') continue;
    const context = newRecord<string>();
    for (const [name, value] of Object.entries(record)) {
      if (name !== 'indicator' && name !== 'indicator_type') context[name.replace(/^meta\./, '')] = value;
    }
    collector.add(record.indicator ?? '', { line: i + 1, context, hint });
  }
  return collector.result(options);
}
