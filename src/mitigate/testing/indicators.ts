import type { Indicator, RuleContext } from '../rules/index.js';

/** One indicator of each kind and several roles. */
export const INDICATORS: Indicator[] = [
  { value: '203.0.113.66', kind: 'ipv4', role: 'attacker' },
  { value: '2001:db8:bad::66', kind: 'ipv6', role: 'attacker' },
  { value: '198.51.100.23', kind: 'ipv4', role: 'c2' },
  { value: 'update-check.example-cdn.net', kind: 'domain', role: 'c2' },
  { value: 't.exfil-dns.example', kind: 'domain', role: 'dns-tunnel' },
];

/** The context the rule tests use. */
export const CTX: RuleContext = { name: 'block_test', title: 'Block the test indicators' };
