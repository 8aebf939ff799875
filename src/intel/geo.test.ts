import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../test/helpers/corpus.js';
import { openCountryLookup } from './geo.js';

describe('openCountryLookup', () => {
  it('agrees with the countries abuse.ch recorded for the Feodo C2 servers', async () => {
    const country = await openCountryLookup();
    const entries = JSON.parse(readFileSync(corpus('threat-intel/abusech_feodo_ipblocklist_recommended.json'), 'utf8')) as Array<{ ip_address: string; country: string }>;
    const agree = entries.filter((e) => country(e.ip_address) === e.country).length;
    // The feed is from 2023 and the database newer: address blocks move, so most, not all, agree.
    expect(agree / entries.length).toBeGreaterThan(0.8);
    expect(country('178.128.23.9')).toBe('SG');
  });
  it('answers IPv6, and empty for private or malformed input', async () => {
    const country = await openCountryLookup();
    expect(country('2001:4860:4860::8888')).toBe('US');
    expect(country('10.0.0.1')).toBe('');
    expect(country('192.168.1.161')).toBe('');
    expect(country('fe80::1')).toBe('');
    expect(country('not an ip')).toBe('');
    expect(country('1.2.3.4.5')).toBe('');
  });
});
