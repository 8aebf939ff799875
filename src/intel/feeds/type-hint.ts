import type { IndicatorKind } from '../types.js';

const KINDS: Record<string, IndicatorKind> = {
  ip: 'ip', ipv4: 'ip', ipv6: 'ip', 'ip-src': 'ip', 'ip-dst': 'ip', 'ipv4-addr': 'ip', 'ipv6-addr': 'ip', cidr: 'ip',
  'intel::addr': 'ip', 'intel::subnet': 'ip', ip_address: 'ip',
  domain: 'domain', domainname: 'domain', hostname: 'domain', fqdn: 'domain', 'domain-name': 'domain', 'intel::domain': 'domain',
  url: 'url', uri: 'url', mask: 'url', 'intel::url': 'url', link: 'url',
  md5: 'hash', sha1: 'hash', sha256: 'hash', 'sha-1': 'hash', 'sha-256': 'hash', hash: 'hash', filehash: 'hash', 'intel::file_hash': 'hash',
};

/**
 * What a feed's own type label (MISP attribute type, Zeek `Intel::` type,
 * a CSV `IndicatorType` column) says the value is: a kind, 'skip' for types
 * that are not network indicators (file paths, e-mail addresses, comments),
 * or undefined when the label is absent.
 */
export function kindFromTypeLabel(label: string | undefined): IndicatorKind | 'skip' | undefined {
  if (label === undefined || label === '') return undefined;
  return KINDS[label.trim().toLowerCase()] ?? 'skip';
}
