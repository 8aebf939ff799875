import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/helpers/corpus.js';
import { detectFormat, loadFeed, parseFeedSpec } from './load-feed.js';

describe('parseFeedSpec', () => {
  it('reads options after the path', () => {
    expect(parseFeedSpec('a/iocs.csv,key=Indicator,name=mstic,parents')).toEqual({ path: 'a/iocs.csv', options: { name: 'mstic', key: 'Indicator', parentDomains: true, allowlist: false } });
    expect(() => parseFeedSpec('x.csv,color=red')).toThrow(/cannot read option "color=red"/);
  });
});

describe('detectFormat and loadFeed', () => {
  it.each([
    ['abusech_feodo_ipblocklist_recommended.json', 'json'], ['stix21/oasis_apt1.json', 'stix'],
    ['misp-feed-cert-fr/5e396a1e-68e4-4db5-8810-ca350aba047c.json', 'misp'], ['zeek-intel/cps_openphish.intel', 'zeek'],
    ['ipsum.txt', 'plain'], ['azure-sentinel_VPS_Networks_cidr.csv', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(corpus(`threat-intel/${name}`), {})).toBe(format);
  });
  it('loads a MISP feed directory and a single MISP event file', () => {
    expect(loadFeed(parseFeedSpec(corpus('threat-intel/misp-feed-cert-fr'))).indicators).toHaveLength(1722);
    expect(loadFeed(parseFeedSpec(corpus('threat-intel/misp-feed-cert-fr/5e396a1e-68e4-4db5-8810-ca350aba047c.json'))).indicators).toHaveLength(37);
  });
  it('names an unreadable feed in one line', () => {
    expect(() => loadFeed(parseFeedSpec('/nonexistent/feed.csv'))).toThrow('/nonexistent/feed.csv: cannot read feed (ENOENT)');
  });
});
