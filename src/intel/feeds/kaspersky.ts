import type { FeedOptions, IndicatorKind, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';
import { flattenContext } from './flatten.js';
import { isRecord } from './json-parse.js';
import { jsonRecords } from './json.js';

/** Indicator fields of Kaspersky Threat Data Feeds records, with what they hold. */
const KASPERSKY_KEYS: Record<string, IndicatorKind> = { mask: 'url', url: 'url', ip: 'ip', domain: 'domain', md5: 'hash', sha1: 'hash', sha256: 'hash' };

/**
 * Loads a Kaspersky-style JSON feed: an array of records where `mask` (URL
 * masks with `*`), `ip`, `domain`, `MD5`, `SHA1` and `SHA256` (any case) are
 * indicators — a hash record yields one indicator per hash — and every other
 * field, nested ones flattened with dots, is context shared by them.
 */
export function loadKasperskyFeed(text: string, file: string, options: FeedOptions, lines = false): LoadedFeed {
  const collector = new FeedCollector(file);
  for (const record of jsonRecords(text, lines, collector)) {
    const value = record.value;
    if (!isRecord(value)) { collector.problem(record.line, `${record.label}: not a JSON object`); continue; }
    const keys = Object.keys(value).filter((k) => KASPERSKY_KEYS[k.toLowerCase()] && typeof value[k] === 'string');
    if (keys.length === 0) { collector.problem(record.line, `${record.label}: none of ${Object.keys(KASPERSKY_KEYS).join(', ')}`); continue; }
    const context = flattenContext(value, new Set(keys));
    for (const key of keys) collector.add(value[key] as string, { line: record.line, label: record.label, context, hint: KASPERSKY_KEYS[key.toLowerCase()] });
  }
  return collector.result(options);
}
