import type { Analysis } from '../correlate/model.js';
import { parseCidr } from '../decode/cidr.js';
import { arpMitigations } from './findings/arp.js';
import { cleartextMitigations } from './findings/cleartext.js';
import { attackerMitigations } from './findings/attackers.js';
import { c2Mitigations } from './findings/c2.js';
import { compromiseMitigations } from './findings/compromise.js';
import { actionable, type Draft, type FindingContext } from './findings/context.js';
import { credentialMitigations } from './findings/credentials.js';
import { dnsTunnelMitigations } from './findings/dns-tunnel.js';
import { exfiltrationMitigations } from './findings/exfiltration.js';
import { floodMitigations } from './findings/flood.js';
import { intelMitigations } from './findings/intel.js';
import { sweepMitigations } from './findings/sweep.js';
import { webMitigations } from './findings/web.js';
import type { Mitigation, MitigationPlan, RuleSet } from './model.js';
import { assignSids, blockRules, suricataKeys, uniqueIndicators } from './rules/index.js';
import { analysisNets, blockScope } from './scope.js';
import { canonicalAddress } from './values.js';

export type { Mitigation, MitigationPlan, RuleSet, RuleTarget } from './model.js';
export { RULE_TARGETS } from './rules/index.js';
export { parseAnalysis } from './read.js';

/** What a plan may be told beyond the analysis. */
export interface PlanOptions {
  /** More networks that are the organisation's own (CIDRs), never blocked. */
  internal?: readonly string[];
  /** IPv4 address DNS sinkholes answer with (NXDOMAIN when absent). */
  sinkhole?: string;
  /** Resolver to name in the `dig` checks (default `<resolver>`). */
  resolver?: string;
  /** Indicators one mitigation blocks, at most (default 500). */
  maxIndicators?: number;
}

/** Priorities in the order mitigations are listed. */
const PRIORITY_ORDER = ['immediate', 'short-term', 'long-term'];

/** An IPv4 address given as an option, or a RangeError naming it. */
function optionAddress(name: string, text: string | undefined, v4only: boolean): string | undefined {
  if (text === undefined) return undefined;
  const a = canonicalAddress(text);
  if (a === null || (v4only && a.version !== 4)) throw new RangeError(`Cannot use ${name} "${text.slice(0, 60)}": expected an ${v4only ? 'IPv4' : 'IP'} address`);
  return a.text;
}

/** The --internal networks, each checked, or a RangeError naming the first that is no network. */
function optionNets(list: readonly string[] = []): string[] {
  for (const text of list) if (parseCidr(text.trim()) === null) throw new RangeError(`Cannot use internal network "${text.slice(0, 60)}": expected address/prefix-length`);
  return list.map((t) => t.trim());
}

/** The finding context: scope from the analysis's internal networks and graph marks. */
function context(analysis: Analysis, options: PlanOptions): FindingContext {
  const internalHosts = new Set(analysis.incidents.flatMap((i) => i.graph.nodes.filter((n) => n.internal === true).map((n) => canonicalAddress(n.id)?.text ?? '')));
  return {
    analysis,
    scope: blockScope(analysisNets(analysis, optionNets(options.internal)), internalHosts),
    alerts: actionable(analysis),
    incidents: [...analysis.incidents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    inIncident: new Set(analysis.incidents.flatMap((i) => i.alertIds)),
    resolver: optionAddress('resolver', options.resolver, false) ?? '<resolver>',
  };
}

/** Rule sets that share a file name and text once. */
function uniqueFiles(sets: RuleSet[]): RuleSet[] {
  const seen = new Map<string, RuleSet>();
  for (const s of sets) if (!seen.has(`${s.file}\0${s.text}`)) seen.set(`${s.file}\0${s.text}`, s);
  return [...seen.values()];
}

/**
 * Mitigations for what the analysis saw: block rules for every enforcement point (only
 * validated external addresses and names; internal hosts are isolated, not blocked),
 * hardening for the weaknesses exploited, and checks that the controls work. The same
 * analysis always gives the same plan.
 * @example planMitigations(JSON.parse(readFileSync('analysis.json', 'utf8'))).blockAddresses
 */
export function planMitigations(analysis: Analysis, options: PlanOptions = {}): MitigationPlan {
  const ctx = context(analysis, options);
  const sinkhole = optionAddress('sinkhole', options.sinkhole, true);
  const max = options.maxIndicators ?? 500;
  const drafts: Draft[] = [
    ...attackerMitigations(ctx, max), ...c2Mitigations(ctx, max), ...intelMitigations(ctx, max), ...dnsTunnelMitigations(ctx),
    ...compromiseMitigations(ctx), ...credentialMitigations(ctx), ...exfiltrationMitigations(ctx), ...webMitigations(ctx),
    ...floodMitigations(ctx), ...arpMitigations(ctx), ...cleartextMitigations(ctx), ...sweepMitigations(ctx),
  ];
  const all = uniqueIndicators(drafts.flatMap((d) => d.block));
  const sids = assignSids(all.flatMap(suricataKeys));
  const mitigations: Mitigation[] = drafts.map(({ block, ruleName, rules, ...m }) => ({
    ...m,
    rules: [...blockRules(block, { name: ruleName ?? m.id.replace(/[^a-z0-9]+/g, '_'), title: m.title }, { sids, sinkhole }), ...rules],
  })).sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority));
  return {
    mitigations,
    blockAddresses: all.filter((i) => i.kind !== 'domain').map((i) => i.value),
    blockDomains: all.filter((i) => i.kind === 'domain').map((i) => i.value),
    files: uniqueFiles([
      ...blockRules(all, { name: 'block', title: 'Block every address and name of the analysis' }, { sids, sinkhole }),
      ...drafts.flatMap((d) => d.rules),
    ]),
  };
}
