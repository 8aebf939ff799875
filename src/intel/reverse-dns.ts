import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { TtlCache } from './misp/ttl-cache.js';

/** How live reverse DNS is asked: only when the analyst turns it on. */
export interface ReverseDnsOptions {
  /** DNS servers (`ip` or `ip:port`); the system's when absent. */
  servers?: string[];
  /** Time one query may take before it counts as "no name". */
  timeoutMs: number;
  cacheEntries: number;
  cacheTtlMs: number;
  now?: () => number;
}

/**
 * Live reverse DNS (PTR) for IP addresses, opt-in because it sends queries
 * about the investigated addresses to a resolver. Every answer — names, or
 * none after an error or `timeoutMs` — is cached (bounded in size and age),
 * and concurrent questions about one address share one query.
 * @example const names = await reverseDns({ timeoutMs: 2000, cacheEntries: 10000, cacheTtlMs: 3600_000 })('8.8.8.8')
 */
export function reverseDns(options: ReverseDnsOptions): (ip: string) => Promise<string[]> {
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers) resolver.setServers(options.servers);
  const cache = new TtlCache<string[]>(options.cacheEntries, options.cacheTtlMs, options.now);
  const inFlight = new Map<string, Promise<string[]>>();
  return (ip) => {
    if (isIP(ip) === 0) return Promise.resolve([]);
    const cached = cache.get(ip);
    if (cached) return Promise.resolve(cached);
    let pending = inFlight.get(ip);
    if (!pending) {
      pending = resolver.reverse(ip).catch(() => [] as string[]).then((names) => {
        cache.set(ip, names);
        inFlight.delete(ip);
        return names;
      });
      inFlight.set(ip, pending);
    }
    return pending;
  };
}
