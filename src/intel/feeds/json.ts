import type { FeedOptions, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';
import { flattenContext } from './flatten.js';
import { isRecord, parseJsonSafely, valueAtPath } from './json-parse.js';

/** Field paths taken as the indicator when the user names none, in order of preference. */
const KEY_FIELDS = ['indicator', 'ioc', 'ip_address', 'ip', 'url', 'mask', 'domain', 'hash', 'sha256', 'md5', 'value'];

/** One JSON record with the line it came from (0 inside a single JSON document). */
export interface JsonRecord { line: number; label: string; value: unknown }

/**
 * Loads a JSON feed (an array of records or one record) or, with
 * `lines = true`, NDJSON (one record per line). The indicator is at the field
 * path `options.key` (e.g. `threat.ip`), the rest of the record is context.
 */
export function loadJsonFeed(text: string, file: string, options: FeedOptions, lines = false): LoadedFeed {
  const collector = new FeedCollector(file);
  for (const record of jsonRecords(text, lines, collector)) {
    if (!isRecord(record.value)) { collector.problem(record.line, `${record.label}: not a JSON object`); continue; }
    const key = options.key ?? KEY_FIELDS.find((k) => valueAtPath(record.value, k) !== undefined);
    const raw = key === undefined ? undefined : valueAtPath(record.value, key);
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      collector.problem(record.line, `${record.label}: no indicator at "${options.key ?? KEY_FIELDS.join('|')}"`);
      continue;
    }
    collector.add(String(raw), { line: record.line, label: record.label, context: flattenContext(record.value, new Set([key as string])) });
  }
  return collector.result(options);
}

/** The records of a JSON document or NDJSON text; parse errors go to the collector. */
export function jsonRecords(text: string, lines: boolean, collector: FeedCollector): JsonRecord[] {
  if (lines) {
    const out: JsonRecord[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = parseJsonSafely(line);
      if ('value' in parsed) out.push({ line: i + 1, label: `line ${i + 1}`, value: parsed.value });
      else collector.problem(i + 1, parsed.message);
    });
    return out;
  }
  const parsed = parseJsonSafely(text);
  if (!('value' in parsed)) { collector.problem(parsed.line, parsed.message); return []; }
  const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return values.map((value, i) => ({ line: 0, label: `record ${i + 1}`, value }));
}
