import { createHash } from 'node:crypto';
import { newTlv, oidText, readTlv, type Tlv } from './der.js';
import { dnText } from './dn-text.js';
import { ALGORITHM_NAMES, EC_CURVES, KEY_TYPES } from './oid-names.js';
import { readExtensions, type CertificateExtensions } from './extensions.js';
import { certificateTime } from './time.js';

const SEQUENCE = 0x30, INTEGER = 0x02, OID = 0x06, BIT_STRING = 0x03, VERSION_TAG = 0xa0, EXTENSIONS_TAG = 0xa3;

/** The fields of one certificate that x509.log carries. */
export interface X509Info extends CertificateExtensions {
  /** SHA-256 of the DER, lower-case hex: links ssl.log cert_chain_fps to x509.log. */
  fingerprint: string;
  version: number;
  /** Serial as upper-case hex, as OpenSSL prints it. */
  serial: string;
  subject: string;
  issuer: string;
  notValidBefore: number;
  notValidAfter: number;
  keyAlg: string;
  sigAlg: string;
  keyType: string | null;
  keyLength: number | null;
  exponent: string | null;
  curve: string | null;
}

/**
 * Reads a DER certificate (RFC 5280 §4.1) with a bounded reader: every
 * element must lie inside its parent. Returns the anomaly code
 * `x509_malformed` when the structure is not a certificate; never throws.
 */
export function parseCertificate(der: Uint8Array): X509Info | string {
  const t = newTlv();
  if (!readTlv(der, 0, der.length, t) || t.tag !== SEQUENCE) return 'x509_malformed';
  const tbs = newTlv();
  if (!readTlv(der, t.start, t.end, tbs) || tbs.tag !== SEQUENCE) return 'x509_malformed';
  const sigAlg = newTlv(), sigOid = newTlv();
  if (!readTlv(der, tbs.end, t.end, sigAlg) || !readTlv(der, sigAlg.start, sigAlg.end, sigOid) || sigOid.tag !== OID) return 'x509_malformed';
  const e = newTlv();
  let pos = tbs.start;
  let version = 1;
  if (!readTlv(der, pos, tbs.end, e)) return 'x509_malformed';
  if (e.tag === VERSION_TAG) {
    const v = newTlv();
    if (!readTlv(der, e.start, e.end, v) || v.tag !== INTEGER) return 'x509_malformed';
    version = der[v.start] + 1;
    pos = e.end;
    if (!readTlv(der, pos, tbs.end, e)) return 'x509_malformed';
  }
  if (e.tag !== INTEGER) return 'x509_malformed';
  const serial = serialHex(der, e.start, e.end);
  const fields: Tlv[] = [];
  for (pos = e.end; fields.length < 5; pos = fields[fields.length - 1].end) {
    const f = newTlv();
    if (!readTlv(der, pos, tbs.end, f)) return 'x509_malformed';
    fields.push(f);
  }
  const [, issuerTlv, validity, subjectTlv, spki] = fields;
  const issuer = dnText(der, issuerTlv.start, issuerTlv.end);
  const subject = dnText(der, subjectTlv.start, subjectTlv.end);
  const notBefore = newTlv(), notAfter = newTlv();
  if (issuer === null || subject === null || !readTlv(der, validity.start, validity.end, notBefore) || !readTlv(der, notBefore.end, validity.end, notAfter)) return 'x509_malformed';
  const before = certificateTime(der, notBefore.tag, notBefore.start, notBefore.end);
  const after = certificateTime(der, notAfter.tag, notAfter.start, notAfter.end);
  const key = publicKey(der, spki);
  if (before === null || after === null || key === null) return 'x509_malformed';
  let extensions: CertificateExtensions = { sanDns: [], sanIp: [], sanEmail: [], sanUri: [], ca: null, pathLen: null };
  const ext = newTlv();
  for (pos = spki.end; pos < tbs.end && readTlv(der, pos, tbs.end, ext); pos = ext.end) {
    if (ext.tag !== EXTENSIONS_TAG) continue;
    const parsed = readExtensions(der, ext.start, ext.end);
    if (parsed === null) return 'x509_malformed';
    extensions = parsed;
  }
  return {
    fingerprint: createHash('sha256').update(der).digest('hex'), version, serial, subject, issuer,
    notValidBefore: before, notValidAfter: after, sigAlg: algorithmName(oidText(der, sigOid.start, sigOid.end)), ...key, ...extensions,
  };
}

function algorithmName(oid: string): string {
  return ALGORITHM_NAMES.get(oid) ?? oid;
}

/** Upper-case hex of an INTEGER, without the sign-padding zero byte (OpenSSL's i2a_ASN1_INTEGER). */
function serialHex(b: Uint8Array, start: number, end: number): string {
  const from = end - start > 1 && b[start] === 0 ? start + 1 : start;
  return Buffer.from(b.buffer, b.byteOffset + from, end - from).toString('hex').toUpperCase();
}

/** Algorithm, type, size and parameters of a SubjectPublicKeyInfo. */
function publicKey(b: Uint8Array, spki: Tlv): Pick<X509Info, 'keyAlg' | 'keyType' | 'keyLength' | 'exponent' | 'curve'> | null {
  const alg = newTlv(), oid = newTlv(), param = newTlv(), bits = newTlv();
  if (!readTlv(b, spki.start, spki.end, alg) || !readTlv(b, alg.start, alg.end, oid) || oid.tag !== OID) return null;
  if (!readTlv(b, alg.end, spki.end, bits) || bits.tag !== BIT_STRING) return null;
  const algOid = oidText(b, oid.start, oid.end);
  const result = { keyAlg: algorithmName(algOid), keyType: KEY_TYPES.get(algOid) ?? null, keyLength: null as number | null, exponent: null as string | null, curve: null as string | null };
  if (result.keyType === 'ecdsa' && readTlv(b, oid.end, alg.end, param) && param.tag === OID) {
    const curve = EC_CURVES.get(oidText(b, param.start, param.end));
    result.curve = curve?.name ?? null;
    result.keyLength = curve?.bits ?? null;
  }
  if (result.keyType === 'rsa') {
    // BIT STRING: unused-bits byte, then RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
    const seq = newTlv(), modulus = newTlv(), exponent = newTlv();
    if (readTlv(b, bits.start + 1, bits.end, seq) && readTlv(b, seq.start, seq.end, modulus) && readTlv(b, modulus.end, seq.end, exponent)) {
      result.keyLength = integerBits(b, modulus.start, modulus.end);
      result.exponent = BigInt('0x' + (Buffer.from(b.subarray(exponent.start, exponent.end)).toString('hex') || '0')).toString();
    }
  }
  return result;
}

/** Significant bits of an unsigned INTEGER's contents. */
function integerBits(b: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end - 1 && b[i] === 0) i++;
  return (end - i - 1) * 8 + (32 - Math.clz32(b[i]));
}
