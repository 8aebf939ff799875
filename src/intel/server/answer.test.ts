import { describe, expect, it } from 'vitest';
import { buildIndex } from '../index/build-index.js';
import { IntelIndex } from '../index/intel-index.js';
import { enricherAnswer, indexAnswer } from './answer.js';

const index = new IntelIndex(buildIndex([{
  options: { name: 'feed|x', parentDomains: true, allowlist: false },
  indicators: [{ kind: 'domain', value: 'evil.example', context: { note: 'line1\nCategory=forged|x', 'a.b': 'c' }, validFrom: 0, validUntil: 0 }],
  problems: [],
}]).sections);

describe('answers', () => {
  it('escapes feed names and context so a feed cannot forge lines or fields; URL hosts hit domain feeds', () => {
    const matched: string[] = [];
    const text = indexAnswer({ indexes: [index], records: 1 }, [{ field: 'url', kind: 'url', value: 'http://www.sub.evil.example/x' }], 0, matched);
    expect(text).toBe('Category=feed\\|x|MatchedIndicator=evil.example|note=line1\\nCategory\\=forged\\|x|a.b=c\n');
    expect(matched).toEqual(['feed|x:evil.example']);
  });
  it('turns enricher failures and timeouts into logged errors, keeping the other results', async () => {
    const errors: string[] = [];
    const text = await enricherAnswer([
      { name: 'ok', enrich: () => [{ category: 'dec', context: { decoded: 'a b' } }] },
      { name: 'throws', enrich: () => { throw new Error('bad plugin'); } },
      { name: 'slow', enrich: () => new Promise(() => {}) },
      { name: 'junk', enrich: () => 'nope' as never },
    ], [{ field: 'url', kind: 'url', value: 'a%20b' }], 50, [], (name, message) => errors.push(`${name}: ${message}`));
    expect(text).toBe('Category=dec|MatchedIndicator=a%20b|decoded=a b\n');
    expect(errors.sort()).toEqual(['junk: enricher did not return an array', 'slow: no answer within 50 ms', 'throws: bad plugin']);
  });
});
