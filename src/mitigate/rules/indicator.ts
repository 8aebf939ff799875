import { parseAddress } from '../../decode/address.js';

/** What a block rule is about: one validated address or name and why it is blocked. */
export interface Indicator {
  /** Canonical address text or lower-case DNS name (see values.ts). */
  value: string;
  kind: 'ipv4' | 'ipv6' | 'domain';
  role: IndicatorRole;
}

/** Why an indicator is blocked; rules name the role in Tracer's own words. */
export type IndicatorRole = 'attacker' | 'c2' | 'intel' | 'dns-tunnel';

/** The role in words, for rule comments and messages (no spaces for ASA names, no quotes anywhere). */
export const ROLE_WORDS: Record<IndicatorRole, string> = {
  attacker: 'attacker', c2: 'command-and-control', intel: 'threat-intel match', 'dns-tunnel': 'DNS tunnel domain',
};

/** Kinds in the order rules list them. */
const KIND_ORDER = { ipv4: 0, ipv6: 1, domain: 2 };

/** Sort key of an indicator: addresses by their numeric value, names as text. */
function sortKey(i: Indicator): string {
  const words = i.kind === 'domain' ? null : parseAddress(i.value);
  return words ? [...words].map((w) => w.toString(16).padStart(8, '0')).join('') : i.value;
}

/** Sorts indicators by kind then value (addresses numerically), keeping the first role of each value. */
export function uniqueIndicators(list: readonly Indicator[]): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const i of list) if (!seen.has(i.value)) seen.set(i.value, i);
  return [...seen.values()].map((i) => ({ i, key: sortKey(i) }))
    .sort((a, b) => KIND_ORDER[a.i.kind] - KIND_ORDER[b.i.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ i }) => i);
}

/** What every generator is given: the indicators, a name for the table/chain/group, and a title. */
export interface RuleContext {
  /** Lower-case letters, digits and underscores; unique per mitigation (e.g. `block_attackers`). */
  name: string;
  /** One line, Tracer's words and validated values only. */
  title: string;
}
