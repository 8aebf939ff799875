import { describe, expect, it } from 'vitest';
import { corpus } from '../../../../test/helpers/corpus.js';
import { TLS_CAPTURES } from '../../testing/captures.js';
import { hexBytes, tsharkRows } from '../../testing/tshark-rows.js';
import { parseCertificate, type X509Info } from './certificate.js';

const STRING_FIELDS = ['x509sat.printableString', 'x509sat.uTF8String', 'x509sat.teletexString', 'x509sat.CountryName'];
const FIELDS = ['tls.handshake.certificate', 'x509af.serialNumber', 'x509af.utcTime', 'x509ce.dNSName', 'pkcs1.modulus', ...STRING_FIELDS];
/** Attributes encoded as IA5String, which tshark reports apart from the DN strings compared here. */
const IA5_ATTRIBUTES = new Set(['emailAddress', 'DC']);

/** The attribute values of an RFC 2253 DN in DER order (our text lists the last RDN first). */
function dnValues(dn: string): string[] {
  return dn.split(/(?<!\\)[,+]/).reverse()
    .filter((part) => !IA5_ATTRIBUTES.has(part.slice(0, part.indexOf('='))))
    .map((part) => part.slice(part.indexOf('=') + 1).replace(/\\([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(.)/g, '$1'))
    .map((v) => Buffer.from(v, 'latin1').toString('utf8'));
}

/** Every value of `ours` occurs in `theirs`, as many times at least. */
function expectContained(ours: string[], theirs: string[]): void {
  const left = [...theirs];
  for (const value of ours) {
    const at = left.indexOf(value);
    expect(at, value).toBeGreaterThanOrEqual(0);
    left.splice(at, 1);
  }
  expect(ours.length).toBeGreaterThan(0);
}

/** tshark's rendering of a validity time. */
function tsharkTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace('.000Z', ' (UTC)');
}

describe('x509 against tshark on every certificate in the corpus', () => {
  for (const file of TLS_CAPTURES) {
    it(file, () => {
      const rows = tsharkRows(corpus(file), 'tls.handshake.type == 11', FIELDS);
      for (const row of rows) {
        const certs = row['tls.handshake.certificate'].map((hex) => parseCertificate(hexBytes(hex)));
        for (const cert of certs) expect(typeof cert).toBe('object');
        const parsed = certs as X509Info[];
        // tshark also counts serials inside authorityKeyIdentifier (ours must be contained in its list)…
        expectContained(parsed.map((c) => c.serial.toLowerCase()), row['x509af.serialNumber'].map((s) => s.replace(/^00(?=..)/, '')));
        // …and times inside extensions (one Empire certificate carries a second validity pair).
        expectContained(parsed.flatMap((c) => [tsharkTime(c.notValidBefore), tsharkTime(c.notValidAfter)]), row['x509af.utcTime']);
        expect(parsed.flatMap((c) => c.sanDns)).toEqual(row['x509ce.dNSName']);
        // tshark also lists names inside extensions (authorityKeyIdentifier issuer, SAN
        // directoryName), which x509.log does not show: ours must be contained in its list.
        expectContained(parsed.flatMap((c) => [...dnValues(c.issuer), ...dnValues(c.subject)]), STRING_FIELDS.flatMap((f) => row[f]));
        const modulusBits = row['pkcs1.modulus'].map((hex) => hex.replace(/^(00)+/, '')).map((hex) => (hex.length - 2) * 4 + (32 - Math.clz32(parseInt(hex.slice(0, 2), 16))));
        // (one Empire frame shows a third modulus tshark finds inside a certificate extension)
        expectContained(parsed.filter((c) => c.keyType === 'rsa').map((c) => String(c.keyLength)), modulusBits.map(String));
      }
    });
  }
});
