import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Indicator, LoadedFeed } from '../types.js';
import { classifyIndicator } from './classify.js';
import { buildIndex } from './build-index.js';
import { IntelIndex } from './intel-index.js';
import { matchIndicators } from './match.js';
import { formatIpv4 } from './ip-parse.js';

/** A feed from raw values, classified as the loaders do. */
function feed(name: string, values: string[], extra: Partial<LoadedFeed['options']> = {}, validity: Partial<Indicator> = {}): LoadedFeed {
  const indicators = values.map((raw) => {
    const c = classifyIndicator(raw);
    if ('error' in c) throw new Error(c.error);
    return { kind: c.kind, value: c.value, context: { source: name }, validFrom: 0, validUntil: 0, ...validity };
  });
  return { options: { name, parentDomains: false, allowlist: false, ...extra }, indicators, problems: [] };
}

function index(...feeds: LoadedFeed[]): IntelIndex {
  return new IntelIndex(buildIndex(feeds).sections);
}

const at = 1_700_000_000;
const hits = (ix: IntelIndex, observed: Parameters<typeof matchIndicators>[1]) => matchIndicators(ix, observed, { at }).map((m) => `${m.category}:${m.indicator}`);

describe('IntelIndex', () => {
  it('matches IPv4 exact and CIDRs, longest prefix first, one per feed', () => {
    const ix = index(feed('a', ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.3']), feed('b', ['10.0.0.0/8', '0.0.0.0/0']));
    expect(hits(ix, { ips: ['10.1.2.3'] })).toEqual(['a:10.1.2.3', 'b:10.0.0.0/8']);
    expect(hits(ix, { ips: ['10.9.9.9'] })).toEqual(['a:10.0.0.0/8', 'b:10.0.0.0/8']);
    expect(hits(ix, { ips: ['11.0.0.1'] })).toEqual(['b:0.0.0.0/0']);
    expect(hits(ix, { ips: ['not-an-ip', '::ffff:10.1.2.3'] })).toEqual(['a:10.1.2.3', 'b:10.0.0.0/8']);
  });
  it('matches IPv6 exact and CIDRs', () => {
    const ix = index(feed('v6', ['2001:db8::/32', '2001:db8::1']));
    expect(hits(ix, { ips: ['2001:DB8:0::1'] })).toEqual(['v6:2001:db8::1']);
    expect(hits(ix, { ips: ['2001:db8:ffff::2'] })).toEqual(['v6:2001:db8::/32']);
    expect(hits(ix, { ips: ['2001:db9::1'] })).toEqual([]);
  });
  it('matches domains exactly, and parent domains only for feeds that ask', () => {
    const ix = index(feed('exact', ['evil.com']), feed('parents', ['bad.org'], { parentDomains: true }));
    expect(hits(ix, { domains: ['EVIL.com.', 'www.evil.com', 'a.evil.com'] })).toEqual(['exact:evil.com', 'exact:evil.com']);
    expect(hits(ix, { domains: ['x.y.bad.org', 'bad.org', 'notbad.org'] })).toEqual(['parents:bad.org', 'parents:bad.org']);
  });
  it('matches normalised URLs and masks with or without scheme, www. and query', () => {
    const ix = index(feed('u', ['http://x4z9arb.cn/4712/', '*.phish.example/login*', 'evil.com/*/gate.php', '/c99.php', '*evil*']));
    expect(hits(ix, { urls: ['HTTPS://www.x4z9arb.cn:443/4712'] })).toEqual(['u:x4z9arb.cn/4712']);
    expect(hits(ix, { urls: ['https://a.b.phish.example/login.php?u=1'] })).toEqual(['u:*.phish.example/login*']);
    expect(hits(ix, { urls: ['http://evil.com/x/y/gate.php?id=7'] })).toEqual(['u:evil.com/*/gate.php', 'u:*evil*']);
    expect(hits(ix, { urls: ['site.org/shells/c99.php?cmd=ls'] })).toEqual(['u:*/c99.php']);
    expect(hits(ix, { urls: ['site.org/c99.php.bak', 'phish.example.com/login'] })).toEqual([]);
  });
  it('matches hashes in any case and ignores other lengths', () => {
    const ix = index(feed('h', ['d41d8cd98f00b204e9800998ecf8427e']));
    expect(hits(ix, { hashes: ['D41D8CD98F00B204E9800998ECF8427E', 'd41d8cd98f00b204'] })).toEqual(['h:d41d8cd98f00b204e9800998ecf8427e']);
  });
  it('honours validity and allowlists, and returns context', () => {
    const ix = index(
      feed('old', ['1.1.1.1'], {}, { validUntil: at - 1 }), feed('future', ['1.1.1.1'], {}, { validFrom: at + 1 }),
      feed('bad', ['8.8.8.8', '9.9.9.9']), feed('allow', ['8.8.8.0/24'], { allowlist: true }),
    );
    expect(hits(ix, { ips: ['1.1.1.1', '8.8.8.8'] })).toEqual([]);
    expect(matchIndicators(ix, { ips: ['9.9.9.9'] }, { at })).toEqual([{ category: 'bad', indicator: '9.9.9.9', observed: '9.9.9.9', kind: 'ip', context: { source: 'bad' } }]);
  });
  it('finds exactly the CIDRs a brute-force scan finds', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 0xffffffff }), (nets, probe) => {
      const values = nets.map(([n, l]) => `${formatIpv4(n)}/${l}`);
      const ix = index(...values.map((v, i) => feed(`f${i}`, [v])));
      const expected = values.map((v, i) => ({ v, i, net: classifyIndicator(v) })).filter(({ v }) => {
        const [base, len] = v.split('/');
        const mask = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
        const b = base.split('.').reduce((a, o) => a * 256 + Number(o), 0);
        return ((probe & mask) >>> 0) === ((b & mask) >>> 0);
      }).map(({ i }) => `f${i}`).sort();
      expect(matchIndicators(ix, { ips: [formatIpv4(probe)] }, { at }).map((m) => m.category).sort()).toEqual(expected);
    }), { numRuns: 300 });
  });
});
