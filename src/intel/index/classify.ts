import type { IndicatorKind } from '../types.js';
import { formatIpv4, formatIpv6, parseIpv4, parseIpv6 } from './ip-parse.js';
import { normalizeUrl } from './url-normalize.js';

/** An indicator value recognised and normalised, or the reason it was not. */
export type Classified = { kind: IndicatorKind; value: string } | { error: string };

/** Longest domain name (RFC 1035). */
const MAX_DOMAIN_LENGTH = 253;
const HASH_LENGTHS = new Set([32, 40, 64]);
const HEX = /^[0-9a-f]+$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/;
const LOOKS_LIKE_CIDR = /^[0-9a-f:.]+\/\d+$/i;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const scratchWords = new Uint32Array(4);

/**
 * Recognises what a raw feed value is (IP or CIDR, domain, URL or URL mask,
 * MD5/SHA-1/SHA-256) and normalises it for the index. `hint` forces a kind
 * when the feed says what the value is.
 * @example classifyIndicator('10.1.2.3/8') // { kind: 'ip', value: '10.0.0.0/8' }
 */
export function classifyIndicator(raw: string, hint?: IndicatorKind): Classified {
  const text = raw.trim();
  if (text === '') return { error: 'empty indicator' };
  const lower = text.toLowerCase();
  if (hint === 'hash' || (!hint && HASH_LENGTHS.has(lower.length) && HEX.test(lower))) {
    return HASH_LENGTHS.has(lower.length) && HEX.test(lower) ? { kind: 'hash', value: lower } : { error: `not an MD5, SHA-1 or SHA-256 hash: "${clip(text)}"` };
  }
  const ip = canonicalIp(IPV4_WITH_PORT.exec(text)?.[1] ?? text);
  if (ip) return { kind: 'ip', value: ip };
  if (hint === 'ip' || LOOKS_LIKE_CIDR.test(text)) return { error: `not an IP address or CIDR: "${clip(text)}"` };
  if (hint !== 'url' && lower.length <= MAX_DOMAIN_LENGTH && DOMAIN.test(lower.endsWith('.') ? lower.slice(0, -1) : lower)) {
    return { kind: 'domain', value: lower.replace(/^www\.|\.$/g, '') };
  }
  if (hint === 'domain') return { error: `not a domain name: "${clip(text)}"` };
  if (/\s/.test(text)) return { error: `not a URL (contains white space): "${clip(text)}"` };
  if (text.startsWith('/')) return { kind: 'url', value: '*' + normalizeUrl(text).replace(/^\/?/, '/') };
  if (hint === 'url' || text.includes('/') || text.includes('*') || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const value = normalizeUrl(text);
    return value ? { kind: 'url', value } : { error: `empty URL: "${clip(text)}"` };
  }
  return { error: `unrecognised indicator: "${clip(text)}"` };
}

/** Canonical text of an IPv4/IPv6 address or CIDR (host bits cleared), or '' when invalid. */
export function canonicalIp(text: string): string {
  const slash = text.indexOf('/');
  const end = slash < 0 ? text.length : slash;
  const prefixText = slash < 0 ? '' : text.slice(slash + 1);
  if (slash >= 0 && !/^\d{1,3}$/.test(prefixText)) return '';
  const v4 = parseIpv4(text, 0, end);
  if (v4 >= 0) {
    const prefix = slash < 0 ? 32 : Number(prefixText);
    if (prefix > 32) return '';
    const network = prefix === 0 ? 0 : (v4 & (0xffffffff << (32 - prefix))) >>> 0;
    return prefix === 32 ? formatIpv4(network) : `${formatIpv4(network)}/${prefix}`;
  }
  if (!parseIpv6(text, 0, end, scratchWords)) return '';
  const prefix = slash < 0 ? 128 : Number(prefixText);
  if (prefix > 128) return '';
  maskWords(scratchWords, prefix);
  return prefix === 128 ? formatIpv6(scratchWords) : `${formatIpv6(scratchWords)}/${prefix}`;
}

/** Clears the host bits beyond `prefix` in a 128-bit address held as four words. */
export function maskWords(words: Uint32Array, prefix: number): void {
  for (let w = 0; w < 4; w++) {
    const bits = Math.max(0, Math.min(32, prefix - w * 32));
    words[w] = bits === 0 ? 0 : (words[w] & (0xffffffff << (32 - bits))) >>> 0;
  }
}

function clip(text: string): string {
  return text.length > 80 ? text.slice(0, 80) + '…' : text;
}
