import { describe, expect, it } from 'vitest';
import { planMitigations } from './index.js';
import { renderPlan, renderTarget, targetFiles } from './render.js';
import { fixtureAnalysis } from './testing/fixtures.js';

describe('renderPlan and renderTarget', () => {
  const plan = planMitigations(fixtureAnalysis());

  it('prints each mitigation with its priority, why, rules, hardening and checks', () => {
    const text = renderPlan(plan);
    expect(text.split('\n').slice(0, 2)).toEqual(['Block addresses: 198.51.100.23, 203.0.113.66', 'Sinkhole names:  update-check.example-cdn.net']);
    expect(text).toContain('1. [immediate] Block 1 attacking address(es) at the perimeter  (block-attackers)');
    expect(text).toContain('   --- nftables: Block 1 attacking address(es) at the perimeter [tracer_block_attackers.nft]');
    expect(text).toContain('   Hardening:\n   - ');
    expect(text).toContain('   $ nmap -Pn -p 22 10.10.0.10');
    expect(renderPlan({ mitigations: [], blockAddresses: [], blockDomains: [] })).toBe('Nothing to mitigate: the analysis holds no attack.\n');
  });

  it('prints one target: a single file as is, several under file headers', () => {
    expect(renderTarget(plan, 'zeek-intel')).toBe(targetFiles(plan, 'zeek-intel')[0].text);
    expect(renderTarget(plan, 'iptables')).toMatch(/^==> iptables\.rules <==\n# Tracer/);
    expect(renderTarget(plan, 'iptables')).toContain('\n==> ip6tables-ratelimit-22.rules <==\n');
    expect(renderTarget(planMitigations({ ...fixtureAnalysis(), incidents: [], alerts: [] }), 'suricata')).toBe('# Tracer: nothing to block with suricata in this analysis.\n');
  });
});
