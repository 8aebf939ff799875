import { describe, expect, it } from 'vitest';
import { checkWith, hasTool, missing } from '../testing/tools.js';
import { CTX, INDICATORS } from '../testing/indicators.js';
import { nftablesRules } from './nftables.js';

describe('nftablesRules', () => {
  it('holds both families as sets in its own replaceable inet table', () => {
    const [set] = nftablesRules(INDICATORS, CTX);
    expect(set.file).toBe('tracer_block_test.nft');
    expect(set.text).toContain('table inet tracer_block_test\ndelete table inet tracer_block_test\n');
    expect(set.text).toContain('elements = { 203.0.113.66, 198.51.100.23 }');
    expect(set.text).toContain('elements = { 2001:db8:bad::66 }');
    expect(set.text).toMatch(/chain input \{[^}]*ip saddr @block4 drop\n\s*ip6 saddr @block6 drop/);
    expect(set.text).toMatch(/chain output \{[^}]*ip daddr @block4 drop\n\s*ip6 daddr @block6 drop/);
    expect(set.text).not.toContain('example');
  });

  it('writes no IPv6 set without IPv6 addresses, and nothing for names only', () => {
    const [v4only] = nftablesRules(INDICATORS.filter((i) => i.kind === 'ipv4'), CTX);
    expect(v4only.text).not.toContain('ip6');
    expect(nftablesRules(INDICATORS.filter((i) => i.kind === 'domain'), CTX)).toEqual([]);
  });

  it('passes nft -c -f, and nft rejects a broken copy', (ctx) => {
    if (!hasTool('nft')) return ctx.skip(missing('nft'));
    for (const list of [INDICATORS, INDICATORS.filter((i) => i.kind === 'ipv6')]) {
      const [set] = nftablesRules(list, CTX);
      expect(checkWith('nft', ['-c', '-f', 'FILE'], set.text, set.file!)).toEqual({ status: 0, output: '' });
    }
    const [set] = nftablesRules(INDICATORS, CTX);
    expect(checkWith('nft', ['-c', '-f', 'FILE'], set.text.replace('drop\n', 'dorp\n'), 'bad.nft').status).not.toBe(0);
  });
});
