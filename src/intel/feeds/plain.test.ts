import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadPlainFeed } from './plain.js';
import { testOptions } from '../testing/feed-options.js';

function load(name: string) {
  const file = corpus(`threat-intel/${name}`);
  return loadPlainFeed(readFileSync(file, 'utf8'), file, testOptions(name));
}

describe('loadPlainFeed on every plain-list sample', () => {
  it.each([
    ['ipsum.txt', 120430, 'ip'], ['ipsum_level5.txt', 1413, 'ip'], ['talos_ip_blacklist.txt', 2215, 'ip'],
    ['maltrail_mass_scanner_cidr.txt', 1106, 'ip'], ['maltrail_suspicious_dns_tunneling_service.txt', 7, 'domain'],
  ])('%s: %i entries of kind %s, no problems', (name, count, kind) => {
    const feed = load(name);
    expect(feed.problems).toEqual([]);
    expect(feed.indicators).toHaveLength(count);
    expect(feed.indicators.every((i) => i.kind === kind)).toBe(true);
  });
  it.each([
    ['maltrail_malware_cobalt_domains.txt', { domain: 121, ip: 12, url: 9 }],
    ['maltrail_suspicious_web_shells_urlpaths.txt', { url: 963, domain: 9 }],
  ])('%s: mixed trail counted by kind', (name, kinds) => {
    const feed = load(name);
    expect(feed.problems).toEqual([]);
    const counts: Record<string, number> = {};
    for (const i of feed.indicators) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
    expect(counts).toEqual(kinds);
  });
  it('keeps scores, trailing comments and references as context', () => {
    expect(load('ipsum.txt').indicators[0]).toMatchObject({ value: '77.90.185.20', context: { score: '10' } });
    expect(load('maltrail_mass_scanner_cidr.txt').indicators[0]).toMatchObject({ value: '5.63.151.0/24', context: { comment: 'scanners.labs.rapid7.com' } });
    expect(load('maltrail_malware_cobalt_domains.txt').indicators[0].context.reference).toMatch(/^https:\/\/blog\.talosintelligence\.com/);
  });
  it('reads the mixed Emotet trail: ip:port, host/path URLs and bare paths, every entry accounted for', () => {
    const feed = load('maltrail_malware_emotet.txt');
    expect(feed.indicators.length + feed.problems.length).toBe(15034);
    expect(feed.problems.length).toBeLessThan(20);
    const urls = feed.indicators.filter((i) => i.kind === 'url');
    expect(urls.filter((u) => u.value.startsWith('*/')).length).toBe(4737);
    expect(feed.indicators.find((i) => i.value === '200.124.225.32')).toBeDefined();
  });
  it('reports a bad line by number and loads the rest', () => {
    const feed = loadPlainFeed('# c\n1.2.3.4\nbad entry here\nevil.com # note\n', 'l.txt', testOptions('l'));
    expect(feed.indicators.map((i) => i.value)).toEqual(['1.2.3.4', 'evil.com']);
    expect(feed.problems).toEqual([{ file: 'l.txt', line: 3, message: expect.stringContaining('bad entry here') }]);
  });
});
