import type { FeedOptions, LoadedFeed } from '../types.js';
import { epochSeconds, FeedCollector } from './collector.js';
import { flattenContext } from './flatten.js';
import { isRecord, parseJsonSafely } from './json-parse.js';
import { parseStixPattern } from './stix-pattern.js';

/** Indicator properties left out of the context (structure, not meaning). */
const SKIPPED = new Set(['type', 'pattern', 'pattern_type', 'pattern_version', 'spec_version', 'created_by_ref', 'object_marking_refs', 'external_references', 'granular_markings']);

/**
 * Loads a STIX 2.1 bundle: every `indicator` object with a STIX pattern
 * yields its IPs/CIDRs, domains, URLs and file hashes, valid between
 * `valid_from` and `valid_until`; revoked indicators are skipped. Other
 * objects (malware, relationships, sightings) are not indicators.
 */
export function loadStixFeed(text: string, file: string, options: FeedOptions): LoadedFeed {
  const collector = new FeedCollector(file);
  const parsed = parseJsonSafely(text);
  if (!('value' in parsed)) { collector.problem(parsed.line, parsed.message); return collector.result(options); }
  const objects = isRecord(parsed.value) && Array.isArray(parsed.value.objects) ? parsed.value.objects : [parsed.value];
  objects.forEach((object, i) => {
    if (!isRecord(object) || object.type !== 'indicator' || object.revoked === true) return;
    const label = `indicator ${typeof object.id === 'string' ? object.id : `#${i + 1}`}`;
    if (object.pattern_type !== undefined && object.pattern_type !== 'stix') { collector.problem(0, `${label}: pattern type "${String(object.pattern_type)}" is not STIX`); return; }
    if (typeof object.pattern !== 'string') { collector.problem(0, `${label}: no pattern`); return; }
    const terms = parseStixPattern(object.pattern);
    if (typeof terms === 'string') { collector.problem(0, `${label}: ${terms}`); return; }
    const context = flattenContext(object, SKIPPED);
    for (const term of terms) collector.add(term.value, { line: 0, label, context, hint: term.kind, validFrom: epochSeconds(object.valid_from), validUntil: epochSeconds(object.valid_until) });
  });
  return collector.result(options);
}
