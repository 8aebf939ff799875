import { describe, expect, it } from 'vitest';
import { checkWith, hasTool, missing } from '../testing/tools.js';
import { RATE_PER_MINUTE, rateLimitRules } from './rate-limit.js';

describe('rateLimitRules', () => {
  const [v4, v6, nft] = rateLimitRules(22, 'SSH');

  it('limits new connections to the port per source in iptables, ip6tables and nftables', () => {
    expect(v4.text).toContain(`-I INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m hashlimit --hashlimit-name tracer_22 --hashlimit-mode srcip --hashlimit-above ${RATE_PER_MINUTE}/minute`);
    expect(v6.file).toBe('ip6tables-ratelimit-22.rules');
    expect(nft.text).toContain(`tcp dport 22 ct state new update @guess6 { ip6 saddr limit rate over ${RATE_PER_MINUTE}/minute } drop`);
    expect(() => rateLimitRules(0, 'x')).toThrow(RangeError);
  });

  it('passes nft -c, iptables-restore --test and ip6tables-restore --test', (ctx) => {
    const tools = [['nft', ['-c', '-f', 'FILE'], nft], ['iptables-restore', ['--test'], v4], ['ip6tables-restore', ['--test'], v6]] as const;
    const absent = tools.filter(([tool]) => !hasTool(tool));
    if (absent.length > 0) return ctx.skip(absent.map(([tool]) => missing(tool)).join('; '));
    for (const [tool, args, set] of tools) expect(checkWith(tool, [...args], set.text, set.file!)).toEqual({ status: 0, output: '' });
  });
});
