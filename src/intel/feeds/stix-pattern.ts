import type { IndicatorKind } from '../types.js';

/** One comparison of a STIX pattern that Tracer can index. */
export interface StixTerm { kind: IndicatorKind; value: string }

/** Longest STIX pattern read (a hostile bundle cannot make the scanner run away). */
const MAX_PATTERN_LENGTH = 65536;
const OBJECT_KINDS: Record<string, IndicatorKind> = { 'ipv4-addr': 'ip', 'ipv6-addr': 'ip', 'domain-name': 'domain', url: 'url', file: 'hash' };
const HASH_NAMES = new Set(['md5', 'sha-1', 'sha1', 'sha-256', 'sha256']);
const COMPARISON = /([a-z0-9-]+):([a-z_]+(?:\.(?:'[^']*'|"[^"]*"|[a-z0-9_-]+))?)\s+(=|ISSUBSET)\s+'((?:[^'\\]|\\.)*)'/gi;

/**
 * Reads the indicator values out of a STIX 2.1 pattern: comparisons on
 * `ipv4-addr:value` / `ipv6-addr:value` (`=` or `ISSUBSET`, CIDRs allowed),
 * `domain-name:value`, `url:value` and `file:hashes.MD5|SHA-1|SHA-256`,
 * joined by `OR` (terms on other properties, e.g. `file:name`, are left out:
 * any OR term may match, so fewer terms never cause a false match). Patterns that need several observations at once (`AND`,
 * `FOLLOWEDBY`, qualifiers) or other operators cannot be reduced to single
 * indicators and come back as an error string.
 * @example parseStixPattern("[url:value = 'http://x4z9arb.cn/4712/']") // [{ kind: 'url', value: 'http://x4z9arb.cn/4712/' }]
 */
export function parseStixPattern(pattern: string): StixTerm[] | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return 'pattern too long';
  const outside = pattern.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  if (/\b(AND|FOLLOWEDBY|WITHIN|REPEATS|START|STOP|LIKE|MATCHES|NOT)\b|[<>]|!=|\bIN\b/.test(outside)) {
    return 'pattern combines observations or uses an operator that single indicators cannot express';
  }
  const terms: StixTerm[] = [];
  let unsupported = '';
  for (const m of pattern.matchAll(COMPARISON)) {
    const kind = OBJECT_KINDS[m[1].toLowerCase()];
    const property = m[2].toLowerCase();
    const indexable = kind && (kind === 'hash' ? HASH_NAMES.has(property.replace(/^hashes\./, '').replace(/['"]/g, '')) : property === 'value');
    if (indexable) terms.push({ kind, value: m[4].replace(/\\(.)/g, '$1') });
    else unsupported ||= `${m[1]}:${m[2]}`;
  }
  if (terms.length > 0) return terms;
  return unsupported ? `no comparison Tracer can index (unsupported "${unsupported}")` : 'no comparison Tracer can index';
}
