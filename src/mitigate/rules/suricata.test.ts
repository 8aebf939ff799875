import { describe, expect, it } from 'vitest';
import { checkWith, hasTool, missing } from '../testing/tools.js';
import { CTX, INDICATORS } from '../testing/indicators.js';
import { assignSids, SID_MAX, SID_MIN } from './sid.js';
import { suricataKeys, suricataRules } from './suricata.js';

/** Suricata's rule shape as Tracer writes it: action, protocol, header, options ending in sid and rev. */
const RULE = /^drop (ip|dns|tls|http) (\S+) any -> (\S+) any \(msg:"Tracer block: [a-zA-Z0-9 .:-]+"; (?:(?:dns\.query|tls\.sni|http\.host); dotprefix; content:"\.[a-z0-9.-]+"; endswith; (?:nocase; )?)?classtype:[a-z-]+; sid:(\d+); rev:1; metadata:created_by tracer;\)$/;

describe('suricataRules', () => {
  const [set] = suricataRules(INDICATORS, CTX);
  const rules = set.text.trimEnd().split('\n').filter((l) => !l.startsWith('#'));

  it('drops traffic from and to each address and the DNS, TLS and HTTP names of each domain', () => {
    expect(rules).toHaveLength(3 * 2 + 2 * 3);
    for (const rule of rules) expect(rule).toMatch(RULE);
    expect(rules.some((r) => r.startsWith('drop ip 2001:db8:bad::66 any -> $HOME_NET any'))).toBe(true);
    expect(rules.some((r) => r.startsWith('drop ip $HOME_NET any -> 198.51.100.23 any'))).toBe(true);
    expect(rules.filter((r) => r.includes('content:".update-check.example-cdn.net"'))).toHaveLength(3);
    expect(rules.find((r) => r.includes('http.host'))).not.toContain('nocase');
  });

  it('uses unique, deterministic sids in the local range', () => {
    const sids = rules.map((r) => Number(RULE.exec(r)![4]));
    expect(new Set(sids).size).toBe(sids.length);
    expect(Math.min(...sids)).toBeGreaterThanOrEqual(SID_MIN);
    expect(Math.max(...sids)).toBeLessThanOrEqual(SID_MAX);
    expect(suricataRules([...INDICATORS].reverse(), CTX)[0].text.split('\n').sort()).toEqual(set.text.split('\n').sort());
  });

  it('takes sids from the plan map, so an indicator keeps its sid in every file', () => {
    const map = assignSids(INDICATORS.flatMap(suricataKeys));
    const [one] = suricataRules([INDICATORS[2]], CTX, map);
    expect(one.text).toContain(`sid:${map.get('in:198.51.100.23')};`);
    expect(() => suricataRules([INDICATORS[0]], CTX, new Map())).toThrow(/no sid/);
  });

  it('passes suricata -T', (ctx) => {
    if (!hasTool('suricata')) return ctx.skip(missing('suricata'));
    const result = checkWith('suricata', ['-T', '-S', 'FILE', '-l', '/tmp'], set.text, 'tracer.rules');
    expect(result.output).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });
});
