import { newRecord } from '../../util/record.js';
import type { FeedOptions, LoadedFeed } from '../types.js';
import { FeedCollector } from './collector.js';

/**
 * Loads a plain list: one indicator per line (IPs, CIDRs, `ip:port`, domains,
 * URLs, URL paths), `#` comments on their own line or after the value, and an
 * optional tab-separated score column (IPsum) kept as context.
 * The last `# Reference:` comment above an entry is kept as its `reference`.
 */
export function loadPlainFeed(text: string, file: string, options: FeedOptions): LoadedFeed {
  const collector = new FeedCollector(file);
  const lines = text.split('\n');
  let reference = '';
  for (let i = 0; i < lines.length; i++) {
    let entry = lines[i].replace(/^\ufeff/, '').trim();
    if (entry.startsWith('#')) {
      const ref = /^#\s*Reference:\s*(.*)$/i.exec(entry);
      if (ref) reference = ref[1];
      continue;
    }
    const context = newRecord<string>();
    const hashAt = entry.indexOf(' #');
    if (hashAt >= 0) {
      context.comment = entry.slice(hashAt + 2).trim();
      entry = entry.slice(0, hashAt).trim();
    }
    const [value, score] = entry.split('\t');
    if (!value) continue;
    if (score) context.score = score.trim();
    if (reference) context.reference = reference;
    collector.add(value, { line: i + 1, context });
  }
  return collector.result(options);
}
