import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import maxmind from 'maxmind';

/** The record layout of ip-location-db country databases (not one of MaxMind's own). */
interface CountryRecord { country_code?: string }

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
  return (ip) => (isIP(ip) ? (reader.get(ip) as CountryRecord | null)?.country_code ?? '' : '');
}
