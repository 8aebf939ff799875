import { MAX_CERT_EXTENSIONS, MAX_SAN_ENTRIES } from '../limits.js';
import { formatIpv6 } from '../../../host/hex-address.js';
import { printable } from '../extensions.js';
import { newTlv, oidText, readTlv } from './der.js';

const SUBJECT_ALT_NAME = '2.5.29.17', BASIC_CONSTRAINTS = '2.5.29.19';
const BOOLEAN = 0x01, INTEGER = 0x02, OCTET_STRING = 0x04, SEQUENCE = 0x30;
/** GeneralName choices (RFC 5280 §4.2.1.6), context-specific primitive tags. */
const SAN_EMAIL = 0x81, SAN_DNS = 0x82, SAN_URI = 0x86, SAN_IP = 0x87;

/** What x509.log takes from a certificate's extensions. */
export interface CertificateExtensions {
  sanDns: string[];
  sanIp: string[];
  sanEmail: string[];
  sanUri: string[];
  /** basicConstraints cA, null when the extension is absent. */
  ca: boolean | null;
  pathLen: number | null;
}

/** Reads the `[3] Extensions` contents; null when malformed. */
export function readExtensions(b: Uint8Array, start: number, end: number): CertificateExtensions | null {
  const out: CertificateExtensions = { sanDns: [], sanIp: [], sanEmail: [], sanUri: [], ca: null, pathLen: null };
  const list = newTlv(), ext = newTlv(), oid = newTlv(), value = newTlv();
  if (!readTlv(b, start, end, list) || list.tag !== SEQUENCE) return null;
  let count = 0;
  for (let pos = list.start; pos < list.end; pos = ext.end) {
    if (++count > MAX_CERT_EXTENSIONS || !readTlv(b, pos, list.end, ext) || !readTlv(b, ext.start, ext.end, oid)) return null;
    if (!readTlv(b, oid.end, ext.end, value)) return null;
    if (value.tag === BOOLEAN && !readTlv(b, value.end, ext.end, value)) return null; // critical flag
    if (value.tag !== OCTET_STRING) return null;
    const id = oidText(b, oid.start, oid.end);
    if (id === SUBJECT_ALT_NAME) readSubjectAltName(b, value.start, value.end, out);
    else if (id === BASIC_CONSTRAINTS) readBasicConstraints(b, value.start, value.end, out);
  }
  return out;
}

function readSubjectAltName(b: Uint8Array, start: number, end: number, out: CertificateExtensions): void {
  const names = newTlv(), name = newTlv();
  if (!readTlv(b, start, end, names) || names.tag !== SEQUENCE) return;
  for (let pos = names.start, n = 0; pos < names.end && n < MAX_SAN_ENTRIES && readTlv(b, pos, names.end, name); pos = name.end, n++) {
    if (name.tag === SAN_DNS) out.sanDns.push(printable(b, name.start, name.end));
    else if (name.tag === SAN_EMAIL) out.sanEmail.push(printable(b, name.start, name.end));
    else if (name.tag === SAN_URI) out.sanUri.push(printable(b, name.start, name.end));
    else if (name.tag === SAN_IP && name.end - name.start === 4) out.sanIp.push(Array.from(b.subarray(name.start, name.end)).join('.'));
    else if (name.tag === SAN_IP && name.end - name.start === 16) out.sanIp.push(formatIpv6(b.subarray(name.start, name.end)));
  }
}

function readBasicConstraints(b: Uint8Array, start: number, end: number, out: CertificateExtensions): void {
  const seq = newTlv(), item = newTlv();
  if (!readTlv(b, start, end, seq) || seq.tag !== SEQUENCE) return;
  out.ca = false;
  for (let pos = seq.start; pos < seq.end && readTlv(b, pos, seq.end, item); pos = item.end) {
    if (item.tag === BOOLEAN) out.ca = b[item.start] !== 0;
    else if (item.tag === INTEGER && item.end - item.start <= 4) out.pathLen = Number(BigInt('0x' + Buffer.from(b.subarray(item.start, item.end)).toString('hex')));
  }
}
