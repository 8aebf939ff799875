import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { loadCsvFeed } from './csv.js';
import { testOptions } from '../testing/feed-options.js';

function load(relative: string, key?: string) {
  const file = corpus(`threat-intel/${relative}`);
  return loadCsvFeed(readFileSync(file, 'utf8'), file, testOptions('t', { key }));
}

describe('loadCsvFeed', () => {
  it('loads MSTIC Exchange IOCs: 45 sha256 and 3 domains, file paths skipped by their type column', () => {
    const feed = load('azure-sentinel_MSTIC_Exchange_March2021_IOCs.csv', 'Indicator');
    expect(feed.problems).toEqual([]);
    expect(feed.indicators.filter((i) => i.kind === 'hash')).toHaveLength(45);
    expect(feed.indicators.filter((i) => i.kind === 'domain').map((i) => i.value)).toContain('krebsonsecurity.top');
    expect(feed.indicators).toHaveLength(48);
    expect(feed.indicators[0].context).toMatchObject({ DateAdded: '2021-03-10', IndicatorType: 'sha256', TLP: 'White' });
  });
  it('loads the headerless VPS CIDR list behind its UTF-8 BOM, reporting its 4 truncated CIDRs by line', () => {
    const feed = load('azure-sentinel_VPS_Networks_cidr.csv');
    expect(feed.problems.map((p) => p.line)).toEqual([6680, 6682, 6904, 9653]);
    expect(feed.problems[0].message).toBe('not an IP address or CIDR: "118.0/24"');
    expect(feed.indicators).toHaveLength(9746);
    expect(feed.indicators[0].value).toBe('68.232.171.0/24');
  });
  it('reports a broken row with its line and keeps the rest', () => {
    const feed = loadCsvFeed('ioc,desc\n1.2.3.4,a\nnot an ioc,b\n5.6.7.8\n9.9.9.9,c\n', 'x.csv', testOptions('x'));
    expect(feed.indicators.map((i) => i.value)).toEqual(['1.2.3.4', '9.9.9.9']);
    expect(feed.problems.map((p) => [p.file, p.line])).toEqual([['x.csv', 3], ['x.csv', 4]]);
  });
  it('names a missing key column', () => {
    const feed = loadCsvFeed('a,b\n1,2\n', 'x.csv', testOptions('x', { key: 'ioc' }));
    expect(feed.problems[0].message).toMatch(/no column named "ioc"/);
  });
});
