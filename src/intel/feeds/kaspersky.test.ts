import { describe, expect, it } from 'vitest';
import { loadKasperskyFeed } from './kaspersky.js';
import { testOptions } from '../testing/feed-options.js';

// No public Kaspersky-format feed exists (see corpus MANIFEST); these records follow the
// field layout of Kaspersky's documented demo feeds (mask / MD5+SHA1+SHA256 / ip, nested context).
const FEED = JSON.stringify([
  { id: 1, mask: '*.phish.example/login*', type: 1, category: 'phishing', geo: { country: 'ru' }, first_seen: '01.02.2024 10:00' },
  { id: 2, MD5: 'D41D8CD98F00B204E9800998ECF8427E', SHA1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', SHA256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', threat: 'Trojan.Win32.Test' },
  { id: 3, ip: '203.0.113.7', popularity: 5 },
  { id: 4, comment: 'no indicator' },
]);

describe('loadKasperskyFeed', () => {
  it('indexes masks, every hash of a hash record and IPs, with nested context flattened', () => {
    const feed = loadKasperskyFeed(FEED, 'k.json', testOptions('k'));
    expect(feed.indicators.map((i) => [i.kind, i.value])).toEqual([
      ['url', '*.phish.example/login*'],
      ['hash', 'd41d8cd98f00b204e9800998ecf8427e'], ['hash', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
      ['hash', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['ip', '203.0.113.7'],
    ]);
    expect(feed.indicators[0].context).toEqual({ id: '1', type: '1', category: 'phishing', 'geo.country': 'ru', first_seen: '01.02.2024 10:00' });
    expect(feed.problems).toEqual([{ file: 'k.json', line: 0, message: 'record 4: none of mask, url, ip, domain, md5, sha1, sha256' }]);
  });
});
