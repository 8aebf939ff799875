import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadZeekIntelFeed } from './zeek.js';
import { testOptions } from '../testing/feed-options.js';

describe('loadZeekIntelFeed on every Zeek intel sample', () => {
  it.each([
    ['cps_abuse-ch-malware.intel', 828, 'hash'], ['cps_cobaltstrike_ips.intel', 2087, 'ip'],
    ['cps_doh-domains.intel', 1425, 'domain'], ['cps_openphish.intel', 300, 'url'], ['cps_tweetfeed.intel', 250, 'ip'],
  ])('%s: %i rows of kind %s', (name, count, kind) => {
    const file = corpus(`threat-intel/zeek-intel/${name}`);
    const feed = loadZeekIntelFeed(readFileSync(file, 'utf8'), file, testOptions(name));
    expect(feed.problems).toEqual([]);
    expect(feed.indicators).toHaveLength(count);
    expect(feed.indicators.every((i) => i.kind === kind)).toBe(true);
    expect(Object.keys(feed.indicators[0].context)).toEqual(['source', 'do_notice', 'desc']);
  });
  it('reports short rows and data before the header by line', () => {
    const feed = loadZeekIntelFeed('1.2.3.4\tIntel::ADDR\n#fields\tindicator\tindicator_type\n5.6.7.8\n9.9.9.9\tIntel::ADDR\na@b\tIntel::EMAIL\n', 'z.intel', testOptions('z'));
    expect(feed.indicators.map((i) => i.value)).toEqual(['9.9.9.9']);
    expect(feed.problems.map((p) => p.line)).toEqual([1, 3]);
  });
});
