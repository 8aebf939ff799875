import type { RuleSet } from '../model.js';
import { ROLE_WORDS, type Indicator, type RuleContext } from './indicator.js';

/** The four places a blocked address is dropped: from it (in, through) and to it (through, out). */
function lines(i: Indicator): string[] {
  const comment = `-m comment --comment "tracer ${ROLE_WORDS[i.role]}"`;
  return [
    `-I INPUT -s ${i.value} ${comment} -j DROP`,
    `-I FORWARD -s ${i.value} ${comment} -j DROP`,
    `-I FORWARD -d ${i.value} ${comment} -j DROP`,
    `-I OUTPUT -d ${i.value} ${comment} -j DROP`,
  ];
}

/** One iptables-restore file for one IP version, or null when it has no address. */
function file(list: Indicator[], ctx: RuleContext, version: 4 | 6): RuleSet | null {
  const picked = list.filter((i) => i.kind === (version === 4 ? 'ipv4' : 'ipv6'));
  if (picked.length === 0) return null;
  const tool = version === 4 ? 'iptables' : 'ip6tables';
  const text = [
    `# Tracer: ${ctx.title} (IPv${version}, ${picked.length} address(es)).`,
    `# Load on top of the current rules: ${tool}-restore --noflush < ${tool}.rules`,
    '*filter',
    ...picked.flatMap(lines),
    'COMMIT',
    '',
  ].join('\n');
  return { target: 'iptables', title: `${ctx.title} (${tool})`, text, file: `${tool}.rules` };
}

/**
 * iptables-restore (IPv4) and ip6tables-restore (IPv6) files that drop each address in
 * INPUT, FORWARD (both ways) and OUTPUT. Names cannot be blocked here and are left out.
 * @example iptablesRules([{ value: '203.0.113.66', kind: 'ipv4', role: 'attacker' }], ctx)
 */
export function iptablesRules(list: Indicator[], ctx: RuleContext): RuleSet[] {
  return [file(list, ctx, 4), file(list, ctx, 6)].filter((r): r is RuleSet => r !== null);
}
