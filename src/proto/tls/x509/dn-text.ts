import { MAX_NAME_ATTRIBUTES } from '../limits.js';
import { newTlv, oidText, readTlv } from './der.js';
import { ATTRIBUTE_NAMES } from './oid-names.js';

const SEQUENCE = 0x30, SET = 0x31, OID = 0x06, BMP_STRING = 0x1e, UNIVERSAL_STRING = 0x1c, UTF8_STRING = 0x0c;

/**
 * A distinguished name as Zeek writes x509.log subject/issuer — OpenSSL's
 * RFC 2253 form: last RDN first, `CN=host,O=Org,C=US`, multi-valued RDNs
 * joined by `+`, special characters backslash-escaped, bytes outside
 * printable ASCII as `\XX` (UTF-8), unknown types as `1.2.3=#hex`.
 * Returns null when the DER is malformed.
 */
export function dnText(b: Uint8Array, start: number, end: number): string | null {
  const rdns: string[] = [];
  const set = newTlv(), attr = newTlv(), type = newTlv(), value = newTlv();
  let attributes = 0;
  for (let pos = start; pos < end; pos = set.end) {
    if (!readTlv(b, pos, end, set) || set.tag !== SET) return null;
    const parts: string[] = [];
    for (let p = set.start; p < set.end; p = attr.end) {
      if (++attributes > MAX_NAME_ATTRIBUTES) return null;
      if (!readTlv(b, p, set.end, attr) || attr.tag !== SEQUENCE) return null;
      if (!readTlv(b, attr.start, attr.end, type) || type.tag !== OID) return null;
      if (!readTlv(b, type.end, attr.end, value)) return null;
      const oid = oidText(b, type.start, type.end);
      const short = ATTRIBUTE_NAMES.get(oid);
      parts.push(short ? `${short}=${escapeValue(decodeString(b, value.tag, value.start, value.end))}`
        : `${oid}=#${Buffer.from(b.subarray(type.end, value.end)).toString('hex')}`);
    }
    rdns.push(parts.join('+'));
  }
  return rdns.reverse().join(',');
}

/** Text of an ASN.1 string (UTF8, Printable, IA5, Teletex as Latin-1, BMP, Universal). */
export function decodeString(b: Uint8Array, tag: number, start: number, end: number): string {
  const bytes = Buffer.from(b.buffer, b.byteOffset + start, end - start);
  if (tag === UTF8_STRING) return bytes.toString('utf8');
  if (tag === BMP_STRING) return bytes.length % 2 === 0 ? Buffer.from(bytes).swap16().toString('utf16le') : '';
  if (tag === UNIVERSAL_STRING) return bytes.length % 4 === 0 ? String.fromCodePoint(...universalCodePoints(bytes)) : '';
  return bytes.toString('latin1');
}

function universalCodePoints(bytes: Buffer): number[] {
  const points: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) points.push(Math.min(bytes.readUInt32BE(i), 0x10ffff));
  return points;
}

/** RFC 2253 §2.4 escaping plus OpenSSL's ESC_CTRL/ESC_MSB: control and non-ASCII bytes as `\XX` of their UTF-8. */
function escapeValue(text: string): string {
  let out = '';
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const ch = String.fromCharCode(c);
    if (c < 0x20 || c > 0x7e) out += '\\' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (',+"\\<>;'.includes(ch) || (i === 0 && (ch === '#' || ch === ' ')) || (i === bytes.length - 1 && ch === ' ')) out += '\\' + ch;
    else out += ch;
  }
  return out;
}
