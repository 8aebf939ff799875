// JA4 (TLS client fingerprint) is BSD-3-Clause, Copyright (c) 2023 FoxIO, LLC.
// Only JA4 is implemented here: the rest of JA4+ (JA4S, JA4H, JA4X, JA4SSH…)
// is under the FoxIO License 1.1, which does not allow shipping it in Tracer.
import { hash } from 'node:crypto';
import type { ClientHello } from './client-hello.js';
import { EXT_ALPN, EXT_SERVER_NAME } from './extensions.js';
import { isGrease } from './grease.js';

const VERSION_CODES = new Map<number, string>([[0x0304, '13'], [0x0303, '12'], [0x0302, '11'], [0x0301, '10'], [0x0300, 's3'], [0x0002, 's2']]);
/** JA4 counts are two decimal digits. */
const MAX_COUNT = 99;

function hex4(values: readonly number[]): string {
  return values.map((v) => v.toString(16).padStart(4, '0')).join(',');
}

function truncatedSha256(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 12);
}

function count(n: number): string {
  return String(Math.min(n, MAX_COUNT)).padStart(2, '0');
}

/** First and last character of the first ALPN value; hex digits when either is not alphanumeric; `00` without ALPN. */
function alpnCode(alpn: readonly string[]): string {
  const first = alpn[0] ?? '';
  if (first === '') return '00';
  const a = first[0];
  const z = first[first.length - 1];
  if (/[0-9A-Za-z]/.test(a) && /[0-9A-Za-z]/.test(z)) return a + z;
  const hex = Buffer.from(first.replace(/\\x([0-9a-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('hex');
  return hex[0] + hex[hex.length - 1];
}

/**
 * JA4 of a ClientHello over TCP: `t13d1516h2_8daaf6152771_e5627efa2ab1` —
 * version, SNI present (d/i), cipher and extension counts, ALPN; then the
 * truncated SHA-256 of the sorted ciphers; then of the sorted extensions
 * (without SNI and ALPN) and the signature algorithms in wire order.
 */
export function ja4(hello: ClientHello): string {
  const ciphers = hello.ciphers.filter((c) => !isGrease(c));
  const extensions = hello.extensions.filter((e) => !isGrease(e));
  const versions = hello.supportedVersions.filter((v) => !isGrease(v));
  const version = versions.length > 0 ? Math.max(...versions) : hello.version;
  const a = `t${VERSION_CODES.get(version) ?? '00'}${hello.extensions.includes(EXT_SERVER_NAME) ? 'd' : 'i'}`
    + `${count(ciphers.length)}${count(extensions.length)}${alpnCode(hello.alpn)}`;
  const b = ciphers.length === 0 ? '000000000000' : truncatedSha256(hex4([...ciphers].sort((x, y) => x - y)));
  const hashed = extensions.filter((e) => e !== EXT_SERVER_NAME && e !== EXT_ALPN).sort((x, y) => x - y);
  const sigs = hello.signatureAlgorithms;
  const c = hashed.length === 0 ? '000000000000' : truncatedSha256(hex4(hashed) + (sigs.length > 0 ? `_${hex4(sigs)}` : ''));
  return `${a}_${b}_${c}`;
}
