import type { RuleSet } from '../model.js';

/** New connections per minute one source may open to the service before it is dropped. */
export const RATE_PER_MINUTE = 4;

/**
 * Host-firewall rules for the server itself that drop a source's new connections to `port`
 * beyond RATE_PER_MINUTE (nftables dynamic sets; iptables and ip6tables hashlimit).
 * @example rateLimitRules(22, 'SSH')
 */
export function rateLimitRules(port: number, service: string): RuleSet[] {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`Cannot rate-limit port ${port}: expected 1–65535`);
  const table = `tracer_ratelimit_${port}`;
  const nft = [
    '#!/usr/sbin/nft -f',
    `# Tracer: at most ${RATE_PER_MINUTE} new ${service} connections per minute per source, on the server. Load with: nft -f ${table}.nft`,
    `table inet ${table}`,
    `delete table inet ${table}`,
    `table inet ${table} {`,
    '  set guess4 {\n    type ipv4_addr;\n    flags dynamic;\n    timeout 1m;\n  }',
    '  set guess6 {\n    type ipv6_addr;\n    flags dynamic;\n    timeout 1m;\n  }',
    '  chain input {',
    '    type filter hook input priority -10; policy accept;',
    `    tcp dport ${port} ct state new update @guess4 { ip saddr limit rate over ${RATE_PER_MINUTE}/minute } drop`,
    `    tcp dport ${port} ct state new update @guess6 { ip6 saddr limit rate over ${RATE_PER_MINUTE}/minute } drop`,
    '  }',
    '}',
    '',
  ].join('\n');
  const ipt = (tool: string): RuleSet => ({
    target: 'iptables', title: `Rate-limit new ${service} connections on the server (${tool})`, file: `${tool}-ratelimit-${port}.rules`,
    text: [
      `# Tracer: at most ${RATE_PER_MINUTE} new ${service} connections per minute per source. Load with: ${tool}-restore --noflush < ${tool}-ratelimit-${port}.rules`,
      '*filter',
      `-I INPUT -p tcp --dport ${port} -m conntrack --ctstate NEW -m hashlimit --hashlimit-name tracer_${port} --hashlimit-mode srcip --hashlimit-above ${RATE_PER_MINUTE}/minute --hashlimit-burst ${RATE_PER_MINUTE} -j DROP`,
      'COMMIT',
      '',
    ].join('\n'),
  });
  return [ipt('iptables'), ipt('ip6tables'), { target: 'nftables', title: `Rate-limit new ${service} connections on the server`, text: nft, file: `${table}.nft` }];
}
