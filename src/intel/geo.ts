import { createRequire } from 'node:module';
import { BlockList, isIP } from 'node:net';
import { dirname, join } from 'node:path';
import maxmind from 'maxmind';

/** The record layout of ip-location-db country databases (not one of MaxMind's own). */
interface CountryRecord { country_code?: string }

/** Ranges that belong to no country (RFC 1918, loopback, link-local, CGNAT, multicast, ULA…); the shipped data places some of them. */
const NON_PUBLIC: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], ['10.0.0.0', 8, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['127.0.0.0', 8, 'ipv4'], ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['224.0.0.0', 3, 'ipv4'],
  ['::', 127, 'ipv6'], ['fc00::', 7, 'ipv6'], ['fe80::', 10, 'ipv6'], ['ff00::', 8, 'ipv6'],
];

function nonPublicRanges(): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of NON_PUBLIC) list.addSubnet(network, prefix, family);
  return list;
}

/**
 * Path of the offline country database shipped in the npm package
 * `@ip-location-db/geo-whois-asn-country-mmdb` (IPv4 and IPv6). Its data is
 * licensed CC BY 4.0 by the Number Resource Organization: reports that show
 * countries must credit "NRO (nro.net)".
 */
export function shippedCountryDatabase(): string {
  const packageJson = createRequire(import.meta.url).resolve('@ip-location-db/geo-whois-asn-country-mmdb/package.json');
  return join(dirname(packageJson), 'geo-whois-asn-country.mmdb');
}

/**
 * Opens an mmdb country database (the shipped one by default) and returns a
 * lookup giving the ISO 3166 country code of an IP address, or '' for
 * private, unassigned or malformed addresses. Offline: no network access.
 * @example (await openCountryLookup())('178.128.23.9') === 'SG'
 */
export async function openCountryLookup(path = shippedCountryDatabase()): Promise<(ip: string) => string> {
  const reader = await maxmind.open(path);
  const nonPublic = nonPublicRanges();
  return (ip) => {
    const family = isIP(ip);
    if (family === 0 || nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6')) return '';
    return (reader.get(ip) as CountryRecord | null)?.country_code ?? '';
  };
}
