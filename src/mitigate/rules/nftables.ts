import type { RuleSet } from '../model.js';
import type { Indicator, RuleContext } from './indicator.js';

/** Runs before the usual filter chains (priority 0), so the drop wins. */
const PRIORITY = -10;

/** One base chain with its hook and the drops for the address families that have sets. */
function chain(hook: 'input' | 'forward' | 'output', v4: boolean, v6: boolean): string {
  const drops: string[] = [];
  for (const [on, fam, set] of [[v4, 'ip', '@block4'], [v6, 'ip6', '@block6']] as const) {
    if (!on) continue;
    if (hook !== 'output') drops.push(`${fam} saddr ${set} drop`);
    if (hook !== 'input') drops.push(`${fam} daddr ${set} drop`);
  }
  return `  chain ${hook} {\n    type filter hook ${hook} priority ${PRIORITY}; policy accept;\n${drops.map((d) => `    ${d}\n`).join('')}  }`;
}

/** A named set of addresses. */
function set(name: string, type: string, values: string[]): string {
  return `  set ${name} {\n    type ${type};\n    elements = { ${values.join(', ')} }\n  }`;
}

/**
 * An nft -f script with its own inet table (replaced on every load) holding the blocked
 * IPv4 and IPv6 addresses as sets, dropped in input, forward (both ways) and output.
 * @example nftablesRules(list, { name: 'block_attackers', title: 'Block the attacker' })
 */
export function nftablesRules(list: Indicator[], ctx: RuleContext): RuleSet[] {
  const v4 = list.filter((i) => i.kind === 'ipv4').map((i) => i.value);
  const v6 = list.filter((i) => i.kind === 'ipv6').map((i) => i.value);
  if (v4.length + v6.length === 0) return [];
  const table = `tracer_${ctx.name}`;
  const body = [
    ...(v4.length > 0 ? [set('block4', 'ipv4_addr', v4)] : []),
    ...(v6.length > 0 ? [set('block6', 'ipv6_addr', v6)] : []),
    chain('input', v4.length > 0, v6.length > 0), chain('forward', v4.length > 0, v6.length > 0), chain('output', v4.length > 0, v6.length > 0),
  ];
  const text = [
    `#!/usr/sbin/nft -f`,
    `# Tracer: ${ctx.title} (${v4.length + v6.length} address(es)). Load with: nft -f ${table}.nft`,
    `# The table is replaced on each load; remove it with: nft delete table inet ${table}`,
    `table inet ${table}`,
    `delete table inet ${table}`,
    `table inet ${table} {`,
    body.join('\n'),
    '}',
    '',
  ].join('\n');
  return [{ target: 'nftables', title: ctx.title, text, file: `${table}.nft` }];
}
