import { describe, expect, it } from 'vitest';
import { loadWarninglist } from './warninglist.js';
import { testOptions } from '../testing/feed-options.js';

// Shape of MISP warninglists (github.com/MISP/misp-warninglists, lists/*/list.json); no sample in the corpus.
const list = (type: string, entries: unknown[]) => JSON.stringify({ name: 'List of known Google DNS', version: 3, description: 'd', matching_attributes: ['ip-dst'], type, list: entries });

describe('loadWarninglist', () => {
  it('loads cidr and hostname lists as allowlists; hostname lists cover sub-domains', () => {
    const cidr = loadWarninglist(list('cidr', ['8.8.8.8/32', '2001:4860::/32', 7]), 'w.json', testOptions('w'));
    expect(cidr.options.allowlist).toBe(true);
    expect(cidr.indicators.map((i) => i.value)).toEqual(['8.8.8.8', '2001:4860::/32']);
    expect(cidr.problems.map((p) => p.message)).toEqual(['list entry 3 is not a string']);
    const hosts = loadWarninglist(list('hostname', ['google.com']), 'w.json', testOptions('w'));
    expect(hosts.options.parentDomains).toBe(true);
    expect(hosts.indicators[0].context).toEqual({ warninglist: 'List of known Google DNS', version: '3' });
  });
  it('refuses regex and substring lists instead of guessing', () => {
    expect(loadWarninglist(list('regex', ['^a']), 'w.json', testOptions('w')).problems[0].message).toMatch(/not supported/);
  });
});
