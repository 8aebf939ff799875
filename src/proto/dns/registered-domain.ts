import { getDomain } from 'tldts';

/** Public Suffix List lookups over names as logged: ICANN and private sections, no URL parsing, odd bytes allowed. */
const OPTIONS = { allowPrivateDomains: true, validateHostname: false, extractHostname: false, detectIp: true } as const;

/**
 * The registered domain of a DNS name: one label below its public suffix under the full Public
 * Suffix List (tldts), `a.b.example.co.uk` → `example.co.uk`, `x.user.github.io` → `user.github.io`;
 * null for addresses, single labels and names that are themselves public suffixes.
 * Tunnels hide data in the labels above it, so it is the unit of DNS-tunnel detection.
 */
export function registeredDomain(name: string | null): string | null {
  return name ? getDomain(name, OPTIONS) : null;
}
