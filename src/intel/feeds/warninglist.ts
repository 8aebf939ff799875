import { newRecord } from '../../util/record.js';
import type { FeedOptions, IndicatorKind, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';
import { isRecord, parseJsonSafely } from './json-parse.js';

const LIST_KINDS: Record<string, IndicatorKind | undefined> = { cidr: 'ip', hostname: 'domain', string: undefined };

/**
 * Loads a MISP warninglist (`{ name, type, list: [...] }`) as an allowlist:
 * types `string`, `cidr` and `hostname` are indexed (hostname lists also
 * cover sub-domains); `substring` and `regex` lists are reported as
 * unsupported rather than guessed at.
 */
export function loadWarninglist(text: string, file: string, options: FeedOptions): LoadedFeed {
  const collector = new FeedCollector(file);
  const parsed = parseJsonSafely(text);
  const resultOptions: FeedOptions = { ...options, allowlist: true };
  if (!('value' in parsed)) { collector.problem(parsed.line, parsed.message); return collector.result(resultOptions); }
  const list = parsed.value;
  if (!isRecord(list) || !Array.isArray(list.list)) { collector.problem(1, 'not a MISP warninglist (no "list" array)'); return collector.result(resultOptions); }
  const type = typeof list.type === 'string' ? list.type : 'string';
  if (!(type in LIST_KINDS)) { collector.problem(1, `warninglist type "${type}" is not supported (string, cidr, hostname are)`); return collector.result(resultOptions); }
  const context = newRecord<string>();
  if (typeof list.name === 'string') context.warninglist = list.name;
  if (list.version !== undefined) context.version = String(list.version);
  list.list.forEach((entry, i) => {
    if (typeof entry !== 'string') { collector.problem(0, `list entry ${i + 1} is not a string`); return; }
    collector.add(entry, { line: 0, label: `list entry ${i + 1}`, context, hint: LIST_KINDS[type] });
  });
  return collector.result({ ...resultOptions, parentDomains: resultOptions.parentDomains || type === 'hostname' });
}
