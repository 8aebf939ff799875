import type { RuleSet, RuleTarget } from '../model.js';
import { ciscoAsaRules } from './cisco-asa.js';
import { dnsSinkholeRules } from './dns-sinkhole.js';
import { uniqueIndicators, type Indicator, type RuleContext } from './indicator.js';
import { iptablesRules } from './iptables.js';
import { nftablesRules } from './nftables.js';
import { suricataRules } from './suricata.js';
import { zeekIntelRules } from './zeek-intel.js';

export { assignSids, SID_MAX, SID_MIN } from './sid.js';
export { suricataKeys } from './suricata.js';
export { uniqueIndicators, type Indicator, type IndicatorRole, type RuleContext } from './indicator.js';

/** Every enforcement point, in the order rules are listed. */
export const RULE_TARGETS: readonly RuleTarget[] = ['iptables', 'nftables', 'cisco-asa', 'suricata', 'zeek-intel', 'dns-sinkhole'];

/** What block rules need beyond the indicators. */
export interface BlockOptions {
  /** Suricata sids for the whole plan (see assignSids). */
  sids?: ReadonlyMap<string, number>;
  /** Validated IPv4 address DNS sinkholes answer with (NXDOMAIN when absent). */
  sinkhole?: string;
}

/**
 * Block rules for every enforcement point that can hold the indicators: iptables and
 * ip6tables, nftables, Cisco ASA, Suricata, a Zeek intel file, and DNS sinkholes.
 * @example blockRules([{ value: '203.0.113.66', kind: 'ipv4', role: 'attacker' }], { name: 'block_attackers', title: 'Block the attacker' })
 */
export function blockRules(list: readonly Indicator[], ctx: RuleContext, options: BlockOptions = {}): RuleSet[] {
  const unique = uniqueIndicators(list);
  if (unique.length === 0) return [];
  return [
    ...iptablesRules(unique, ctx), ...nftablesRules(unique, ctx), ...ciscoAsaRules(unique, ctx),
    ...suricataRules(unique, ctx, options.sids), ...zeekIntelRules(unique, ctx), ...dnsSinkholeRules(unique, ctx, options.sinkhole),
  ];
}
