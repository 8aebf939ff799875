import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from './build-index.js';
import { globMatch } from './glob.js';
import { IntelIndex } from './intel-index.js';
import { matchIndicators } from './match.js';
import { urlHost } from './url-normalize.js';

/** The mask semantics spelled out the slow way: try every mask. */
function bruteForce(masks: string[], url: string): string[] {
  const query = url.indexOf('?');
  return masks.filter((mask) => {
    const host = urlHost(mask);
    if (host.startsWith('*.') && !host.slice(2).includes('*') && !urlHost(url).endsWith(host.slice(1))) return false;
    return globMatch(mask, url) || (query >= 0 && globMatch(mask, url.slice(0, query)));
  });
}

describe('URL mask lookup', () => {
  it('finds exactly the masks a one-by-one scan finds', () => {
    const label = fc.constantFrom('a', 'b', 'ab');
    const host = fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join('.'));
    const segment = fc.oneof(label, fc.constant('*'), label.map((l) => `${l}*`));
    const path = fc.array(segment, { maxLength: 3 }).map((s) => (s.length ? '/' + s.join('/') : ''));
    const mask = fc.tuple(fc.oneof(host, host.map((h) => `*.${h}`), fc.constant('*'), host.map((h) => `*${h}`)), path, fc.constantFrom('', '*', '?x=*'))
      .map(([h, p, tail]) => h + p + tail).filter((m) => m.includes('*'));
    const url = fc.tuple(host, fc.array(label, { maxLength: 3 }), fc.constantFrom('', '?x=1', '?x=/a'))
      .map(([h, p, q]) => h + (p.length ? '/' + p.join('/') : '') + q);
    fc.assert(fc.property(fc.uniqueArray(mask, { minLength: 1, maxLength: 12 }), url, (masks, observed) => {
      const indicators = masks.map((value) => ({ kind: 'url' as const, value, context: {}, validFrom: 0, validUntil: 0 }));
      const ix = new IntelIndex(buildIndex([{ options: { name: 'm', parentDomains: false, allowlist: false }, indicators, problems: [] }]).sections);
      const found = matchIndicators(ix, { urls: [observed] }, { at: 0 }).map((m) => m.indicator).sort();
      expect(found).toEqual(bruteForce(masks, observed).sort());
    }), { numRuns: 1500 });
  });
});
