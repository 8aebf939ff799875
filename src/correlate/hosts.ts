import { isIP } from 'node:net';
import { parseAddress } from '../decode/address.js';
import { DEFAULT_LOCAL_NETS, LocalNets } from '../flow/local-nets.js';

/** Tells the analyst's own hosts from the rest. */
export interface HostScope {
  /** An address inside the internal networks, or a logging host's name (a host of ours). */
  isInternal(host: string): boolean;
}

/**
 * A scope from CIDRs (default: private ranges). Addresses are checked against them; a
 * host name with a dot (a DNS name seen in traffic) is external; a bare name (the
 * hostname in a syslog line) is one of ours. Range labels (`10.0.0.1 … 10.0.0.99`)
 * take the side of their first address.
 */
export function hostScope(internalNets: readonly string[] = DEFAULT_LOCAL_NETS): HostScope {
  const nets = new LocalNets(internalNets);
  return {
    isInternal(host: string): boolean {
      const first = host.split(' ')[0];
      if (isIP(first)) {
        const words = parseAddress(first);
        return words !== null && nets.contains(words);
      }
      return !first.includes('.');
    },
  };
}
