import type { IndicatorKind } from '../types.js';
import { MAX_INDICATORS_PER_EVENT } from './limits.js';

/** Event fields that carry indicators, and how each is looked up. */
const FIELD_KINDS: Record<string, IndicatorKind> = { url: 'url', ip: 'ip', hash: 'hash', domain: 'domain' };

/** One indicator in an event: the field it came in and its value. */
export interface EventIndicator { field: string; kind: IndicatorKind; value: string }

/**
 * Reads a CyberTrace event line (`key=value|key=value…`) and returns its
 * indicator fields: `url`, `ip`, `hash` (MD5/SHA-1/SHA-256) and, as a Tracer
 * extension, `domain`. Other keys are context and ignored; empty values and
 * fields without `=` are skipped; at most MAX_INDICATORS_PER_EVENT are kept.
 * @example parseEventLine('url=evil.com/a|ip=203.0.113.7|x=1') // url and ip
 */
export function parseEventLine(line: string): EventIndicator[] {
  const found: EventIndicator[] = [];
  let start = 0;
  while (start <= line.length && found.length < MAX_INDICATORS_PER_EVENT) {
    let end = line.indexOf('|', start);
    if (end < 0) end = line.length;
    const eq = line.indexOf('=', start);
    if (eq > start && eq < end) {
      const field = line.slice(start, eq).trim().toLowerCase();
      const kind = FIELD_KINDS[field];
      if (kind && eq + 1 < end) found.push({ field, kind, value: line.slice(eq + 1, end) });
    }
    start = end + 1;
  }
  return found;
}
