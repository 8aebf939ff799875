import { parseAddress } from '../decode/address.js';
import { cidrContains, parseCidr, type Cidr } from '../decode/cidr.js';
import { DEFAULT_LOCAL_NETS } from '../flow/local-nets.js';
import type { Analysis } from '../correlate/model.js';
import type { Address } from './values.js';

/** Addresses no block list should hold: unspecified, "this network", multicast, reserved and broadcast. */
const NEVER_BLOCK = ['0.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4', '::/128', 'ff00::/8'];

/** Tells which validated addresses may go on a perimeter block list. */
export interface BlockScope {
  /** Inside the organisation's networks: isolate, never block at the perimeter. */
  isInternal(address: Address): boolean;
  /** External and routable: may be blocked. */
  isBlockable(address: Address): boolean;
}

/** Parses CIDRs, skipping any that are not networks. */
function cidrs(list: readonly string[]): Cidr[] {
  return list.map((text) => parseCidr(text.trim())).filter((c): c is Cidr => c !== null);
}

/**
 * The internal networks an analysis was made with (its `parameters.internalNets` when it
 * is a list of CIDRs), plus `extra`; the private ranges otherwise.
 */
export function analysisNets(analysis: Analysis, extra: readonly string[] = []): string[] {
  const given = analysis.parameters?.internalNets;
  const nets = Array.isArray(given) && given.every((n) => typeof n === 'string') ? (given as string[]) : [...DEFAULT_LOCAL_NETS];
  return [...nets, ...extra];
}

/**
 * A scope from the internal networks: their addresses and the never-blocked ranges are
 * not blockable; the graph's own `internal: true` marks (`internalHosts`) count as internal too.
 * @example blockScope(['10.0.0.0/8']).isBlockable({ text: '203.0.113.66', version: 4 }) // true
 */
export function blockScope(internalNets: readonly string[], internalHosts: ReadonlySet<string> = new Set()): BlockScope {
  const internal = cidrs(internalNets);
  const never = cidrs(NEVER_BLOCK);
  const inside = (a: Address, nets: Cidr[]): boolean => {
    const words = parseAddress(a.text);
    return words !== null && nets.some((n) => cidrContains(n, words));
  };
  const isInternal = (a: Address): boolean => internalHosts.has(a.text) || inside(a, internal);
  return { isInternal, isBlockable: (a) => !isInternal(a) && !inside(a, never) };
}
