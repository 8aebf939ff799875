import { readU16 } from '../../decode/bytes.js';
import { byteText } from '../dns/name.js';
import { MAX_EXTENSIONS, MAX_LIST_ENTRIES } from './limits.js';

/** Extension type numbers this analyzer reads (IANA TLS ExtensionType registry). */
export const EXT_SERVER_NAME = 0, EXT_SUPPORTED_GROUPS = 10, EXT_EC_POINT_FORMATS = 11, EXT_SIGNATURE_ALGORITHMS = 13,
  EXT_ALPN = 16, EXT_PRE_SHARED_KEY = 41, EXT_SUPPORTED_VERSIONS = 43, EXT_KEY_SHARE = 51;

/** Visits each extension of a hello's extension block `b[start..end)`: `(type, dataStart, dataEnd)`. False when malformed. */
export function walkExtensions(b: Uint8Array, start: number, end: number, visit: (type: number, from: number, to: number) => void): boolean {
  let pos = start;
  for (let n = 0; pos < end && n < MAX_EXTENSIONS; n++) {
    if (pos + 4 > end) return false;
    const type = readU16(b, pos);
    const to = pos + 4 + readU16(b, pos + 2);
    if (to > end) return false;
    visit(type, pos + 4, to);
    pos = to;
  }
  return true;
}

/** Reads a list of 16-bit values that starts with a length field of `lengthBytes` (1 or 2) bytes into `out`. */
export function readU16List(b: Uint8Array, from: number, to: number, lengthBytes: 1 | 2, out: number[]): void {
  if (from + lengthBytes > to) return;
  const len = lengthBytes === 1 ? b[from] : readU16(b, from);
  const end = Math.min(to, from + lengthBytes + len);
  for (let p = from + lengthBytes; p + 2 <= end && out.length < MAX_LIST_ENTRIES; p += 2) out.push(readU16(b, p));
}

/** Reads the 8-bit values of a list with a 1-byte length field (EC point formats). */
export function readU8List(b: Uint8Array, from: number, to: number, out: number[]): void {
  if (from >= to) return;
  const end = Math.min(to, from + 1 + b[from]);
  for (let p = from + 1; p < end && out.length < MAX_LIST_ENTRIES; p++) out.push(b[p]);
}

/** ALPN protocol names (RFC 7301 §3.1) as text, non-printable bytes as `\xNN`. */
export function readAlpn(b: Uint8Array, from: number, to: number, out: string[]): void {
  if (from + 2 > to) return;
  const end = Math.min(to, from + 2 + readU16(b, from));
  for (let p = from + 2; p < end && out.length < MAX_LIST_ENTRIES;) {
    const len = b[p];
    if (p + 1 + len > end) return;
    out.push(printable(b, p + 1, p + 1 + len));
    p += 1 + len;
  }
}

/** The host name of a server_name extension (RFC 6066 §3), or '' when there is none. */
export function readServerName(b: Uint8Array, from: number, to: number): string {
  // list length (2), name type (1) = 0 host_name, name length (2), name
  if (from + 5 > to || b[from + 2] !== 0) return '';
  const len = readU16(b, from + 3);
  return from + 5 + len <= to ? printable(b, from + 5, from + 5 + len) : '';
}

/** Text of attacker-supplied bytes for a log: printable ASCII kept, everything else (and `\`) as `\xNN`. */
export function printable(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += byteText(b[i], false);
  return s;
}
