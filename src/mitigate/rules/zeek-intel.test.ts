import { describe, expect, it } from 'vitest';
import { CTX, INDICATORS } from '../testing/indicators.js';
import { zeekIntelRules } from './zeek-intel.js';

describe('zeekIntelRules', () => {
  it('writes the #fields header and one tab-separated row per indicator', () => {
    const [set] = zeekIntelRules(INDICATORS, CTX);
    const [header, ...rows] = set.text.trimEnd().split('\n');
    expect(header).toBe('#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc');
    expect(rows).toContain('2001:db8:bad::66\tIntel::ADDR\ttracer\tattacker');
    expect(rows).toContain('update-check.example-cdn.net\tIntel::DOMAIN\ttracer\tcommand-and-control');
    for (const row of rows) expect(row.split('\t')).toHaveLength(4);
    expect(set.file).toBe('tracer-intel.dat');
  });

  it('writes nothing for no indicator', () => {
    expect(zeekIntelRules([], CTX)).toEqual([]);
  });
});
