import { describe, expect, it } from 'vitest';
import { checkWith, hasTool, missing } from '../testing/tools.js';
import { CTX, INDICATORS } from '../testing/indicators.js';
import { iptablesRules } from './iptables.js';

describe('iptablesRules', () => {
  const [v4, v6] = iptablesRules(INDICATORS, CTX);

  it('writes IPv4 to iptables and IPv6 to ip6tables, four drops per address, no names', () => {
    expect(v4.file).toBe('iptables.rules');
    expect(v6.file).toBe('ip6tables.rules');
    expect(v4.text).toContain('-I INPUT -s 203.0.113.66 -m comment --comment "tracer attacker" -j DROP');
    expect(v4.text).toContain('-I OUTPUT -d 198.51.100.23 -m comment --comment "tracer command-and-control" -j DROP');
    expect(v4.text.match(/^-I /gm)).toHaveLength(8);
    expect(v6.text.match(/^-I /gm)).toHaveLength(4);
    expect(v4.text).not.toContain('2001:db8');
    expect(v6.text).not.toContain('203.0.113.66');
    expect(`${v4.text}${v6.text}`).not.toContain('example');
  });

  it('leaves out a family with no address, and writes nothing for names only', () => {
    expect(iptablesRules(INDICATORS.filter((i) => i.kind === 'ipv4'), CTX).map((r) => r.file)).toEqual(['iptables.rules']);
    expect(iptablesRules(INDICATORS.filter((i) => i.kind === 'domain'), CTX)).toEqual([]);
  });

  for (const [tool, index] of [['iptables-restore', 0], ['ip6tables-restore', 1]] as const) {
    it(`passes ${tool} --test`, (ctx) => {
      if (!hasTool(tool)) return ctx.skip(missing(tool));
      const set = iptablesRules(INDICATORS, CTX)[index];
      expect(checkWith(tool, ['--test'], set.text, set.file!)).toEqual({ status: 0, output: '' });
      expect(checkWith(tool, ['--test'], set.text.replace('-j DROP', '-j DROP --bogus'), set.file!).status).not.toBe(0);
    });
  }
});
