import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpus } from '../../../test/helpers/corpus.js';
import { normalizeUrl, urlHost } from './url-normalize.js';

describe('normalizeUrl', () => {
  it('matches Kaspersky normalize_url golden vectors', () => {
    const rows = readFileSync(corpus('threat-intel/kaspersky/normalize_url_testdata_urls.tsv'), 'utf8')
      .split('\n').filter(Boolean).map((l) => l.split('\t'));
    expect(rows.length).toBe(2);
    for (const [input, expected] of rows) expect(normalizeUrl(input)).toBe(expected);
  });
  it('applies each rule', () => {
    expect(normalizeUrl('HTTP://User:pw@WWW.Evil.COM:8080/A/')).toBe('evil.com:8080/A');
    expect(normalizeUrl('https://evil.com:80/x')).toBe('evil.com:80/x');
    expect(normalizeUrl('evil.com:443')).toBe('evil.com');
    expect(normalizeUrl('evil.com/%E2%82%AC%zz')).toBe('evil.com/€%zz');
    expect(normalizeUrl('evil.com/%ff')).toBe('evil.com/%ff');
    expect(normalizeUrl('*.evil.com/*/gate.php')).toBe('*.evil.com/*/gate.php');
  });
  it('is idempotent except for double-encoded input and never throws', () => {
    fc.assert(fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
      const once = normalizeUrl(url);
      if (!once.includes('%')) expect(normalizeUrl(once)).toBe(once);
      expect(urlHost(once)).toBe(urlHost(once).toLowerCase());
    }));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { normalizeUrl(s); }));
  });
});
