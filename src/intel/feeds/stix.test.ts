import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadStixFeed } from './stix.js';
import { parseStixPattern } from './stix-pattern.js';
import { testOptions } from '../testing/feed-options.js';

function load(name: string) {
  const file = corpus(`threat-intel/stix21/${name}`);
  return loadStixFeed(readFileSync(file, 'utf8'), file, testOptions(name));
}

describe('loadStixFeed on every STIX 2.1 sample', () => {
  it('APT1: 10 indexable comparisons incl. /15 CIDRs; the 2 x509 AND patterns reported', () => {
    const feed = load('oasis_apt1.json');
    expect(feed.indicators).toHaveLength(10);
    expect(feed.indicators[0]).toMatchObject({ kind: 'ip', value: '223.166.0.0/15', validFrom: Date.parse('2015-05-15T09:12:16.432678Z') / 1000 | 0, validUntil: 0 });
    expect(feed.indicators[0].context.name).toBe('HTRAN Hop Point Accessor');
    expect(feed.problems).toHaveLength(2);
    expect(feed.problems[0].message).toMatch(/combines observations/);
  });
  it('Poison Ivy: 64 indexable comparisons from compound OR patterns; the malformed value and file-name-only patterns reported', () => {
    const feed = load('oasis_poisonivy.json');
    expect(feed.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^indicator indicator--.*: not a domain name: "domain autuo\.xicp\.net"$/),
      expect.stringMatching(/unsupported "file:name"/), expect.stringMatching(/unsupported "file:name"/),
    ]);
    expect(feed.indicators).toHaveLength(64);
    expect(feed.indicators.some((i) => i.kind === 'domain' && i.value === 'webserver.dynssl.com')).toBe(true);
  });
  it.each([
    ['oasis_indicator-for-malicious-url.json', 'url', 'x4z9arb.cn/4712'],
    ['oasis_malware-indicator-for-file-hash.json', 'hash', 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c'],
    ['oasis_sighting-of-an-indicator.json', 'url', 'paypa1.banking.com'],
  ])('%s: one %s indicator', (name, kind, value) => {
    const feed = load(name);
    expect(feed.problems).toEqual([]);
    expect(feed.indicators.map((i) => [i.kind, i.value])).toEqual([[kind, value]]);
  });
  it('honours valid_until and ISSUBSET CIDRs', () => {
    const bundle = { type: 'bundle', objects: [{ type: 'indicator', id: 'indicator--1', pattern: "[ipv6-addr:value ISSUBSET '2001:db8::/32']", valid_from: '2020-01-01T00:00:00Z', valid_until: '2021-01-01T00:00:00Z' }] };
    const feed = loadStixFeed(JSON.stringify(bundle), 'b.json', testOptions('b'));
    expect(feed.indicators[0]).toMatchObject({ value: '2001:db8::/32', validUntil: 1609459200 });
  });
});

describe('parseStixPattern', () => {
  it('reads hash names in either quoting', () => {
    expect(parseStixPattern(`[file:hashes."SHA-1" = 'aa' OR file:hashes.MD5 = 'bb']`)).toEqual([{ kind: 'hash', value: 'aa' }, { kind: 'hash', value: 'bb' }]);
    expect(parseStixPattern(`[file:name = 'x.exe']`)).toMatch(/unsupported "file:name"/);
    expect(parseStixPattern(`[file:name = 'x' OR url:value = 'a.b/c']`)).toEqual([{ kind: 'url', value: 'a.b/c' }]);
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { parseStixPattern(s); }));
  });
});
