import { parseAddress } from '../decode/address.js';
import { cidrContains, parseCidr, type Cidr } from '../decode/cidr.js';
import { InputError } from '../cli/command.js';
import { escapeTerminal } from '../util/escape.js';
import type { Alert } from './alert.js';

/** One side of an allowlist entry: a network or a domain (matching its subdomains). */
type Matcher = { cidr: Cidr } | { domain: string };

/** Parsed allowlist: single entries and `a>b` source→destination pairs. */
export interface Allowlist {
  any: Matcher[];
  pairs: Array<[Matcher, Matcher]>;
}

/** Domain names as allowlist entries: letters, digits, hyphens, dots, underscores. */
const DOMAIN = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i;

function parseMatcher(text: string, origin: string): Matcher {
  const cidr = parseCidr(text.trim());
  if (cidr) return { cidr };
  if (DOMAIN.test(text.trim())) return { domain: text.trim().toLowerCase().replace(/\.$/, '') };
  throw new InputError(`${origin}: "${escapeTerminal(text)}" is not a CIDR, address, domain or a>b pair`);
}

/**
 * Parses allowlist entries: `10.0.0.0/8`, `192.0.2.7`, `example.com`, or a pair `10.0.0.5>example.com`.
 * An entry that is none of these is an InputError naming `origin`.
 */
export function parseAllowlist(entries: readonly string[], origin = 'allowlist'): Allowlist {
  const list: Allowlist = { any: [], pairs: [] };
  for (const entry of entries) {
    const arrow = entry.indexOf('>');
    if (arrow < 0) list.any.push(parseMatcher(entry, origin));
    else list.pairs.push([parseMatcher(entry.slice(0, arrow), origin), parseMatcher(entry.slice(arrow + 1), origin)]);
  }
  return list;
}

function matches(m: Matcher, value: string): boolean {
  if ('domain' in m) return value.toLowerCase() === m.domain || value.toLowerCase().endsWith('.' + m.domain);
  const words = parseAddress(value);
  return words !== null && cidrContains(m.cidr, words);
}

/** True when the alert's source matches an entry, all its destinations do, or a pair covers source and a destination. */
export function isAllowed(list: Allowlist, alert: Alert): boolean {
  for (const m of list.any) {
    if (matches(m, alert.src)) return true;
    if (alert.dst.length > 0 && alert.dst.every((d) => matches(m, d))) return true;
  }
  return list.pairs.some(([from, to]) => matches(from, alert.src) && alert.dst.some((d) => matches(to, d)));
}
