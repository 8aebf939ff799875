import { isIP } from 'node:net';
import { formatAddress, parseAddress } from '../decode/address.js';

/**
 * Checks for every value that may reach rule text. Rules and the sentences around
 * them hold only what passed here (addresses, names, ports, ids, numbers) and
 * Tracer's own words, never a string copied from traffic or logs.
 */

/** Longest DNS name (RFC 1035) and label. */
const MAX_NAME = 253;
const MAX_LABEL = 63;
/** One DNS label: letters, digits and inner hyphens (no underscores, no wildcards). */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Ids from the analysis (alert ids, incident ids) as correlate writes them. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** An account name as sshd and Windows write it, without anything a shell or rule could read. */
const ACCOUNT = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;

/** A validated address: canonical text and IP version. */
export interface Address {
  text: string;
  version: 4 | 6;
}

/**
 * The canonical form of an IPv4 or IPv6 address (IPv4-mapped IPv6 as IPv4), or null
 * when `text` is not exactly one address.
 * @example canonicalAddress('2001:DB8:0::1') // { text: '2001:db8::1', version: 6 }
 */
export function canonicalAddress(text: unknown): Address | null {
  if (typeof text !== 'string' || isIP(text) === 0) return null;
  const words = parseAddress(text);
  if (words === null) return null;
  const mapped = words[0] === 0 && words[1] === 0 && words[2] === 0xffff;
  return mapped ? { text: formatAddress(words, 4), version: 4 } : { text: formatAddress(words, 6), version: 6 };
}

/**
 * A DNS name in lower case without the trailing dot, or null unless it has two or more
 * labels of letters, digits and inner hyphens, fits RFC 1035 and its last label is not numeric.
 * @example canonicalDomain('Update-Check.Example-CDN.net.') // 'update-check.example-cdn.net'
 */
export function canonicalDomain(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const name = text.toLowerCase().replace(/\.$/, '');
  if (name.length === 0 || name.length > MAX_NAME) return null;
  const labels = name.split('.');
  if (labels.length < 2 || labels.some((l) => l.length > MAX_LABEL || !LABEL.test(l))) return null;
  return /^[0-9]+$/.test(labels[labels.length - 1]) ? null : name;
}

/** A TCP/UDP port number 1–65535, or null. */
export function validPort(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

/** An alert or incident id safe to print, or null. */
export function safeId(value: unknown): string | null {
  return typeof value === 'string' && ID.test(value) ? value : null;
}

/** An account name safe to name in a sentence, or null. */
export function safeAccount(value: unknown): string | null {
  return typeof value === 'string' && ACCOUNT.test(value) ? value : null;
}

/** A finite, non-negative number from evidence, or null. */
export function amount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * The entry of a word table for a key from the analysis, or undefined: only the table's own
 * keys count, so `constructor` or `__proto__` never print a prototype's function.
 * @example lookup({ xss: 'cross-site scripting' }, 'constructor') // undefined
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A string from the analysis, or '' for anything else (never calls an object's toString). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
