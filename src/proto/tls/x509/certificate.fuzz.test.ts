import fc from 'fast-check';
import { expect, it } from 'vitest';
import { corpusCertificates, FUZZ_MS, mutationsOf } from '../fuzz-seeds.js';
import { parseCertificate } from './certificate.js';

const certificates = corpusCertificates();

it('parseCertificate survives mutated real certificates with sane output', () => {
  fc.assert(fc.property(mutationsOf(certificates), (der) => {
    const cert = parseCertificate(der);
    if (typeof cert === 'string') {
      expect(cert).toBe('x509_malformed');
      return;
    }
    expect(cert.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(cert.serial).toMatch(/^[0-9A-F]*$/);
    expect(Number.isFinite(cert.notValidBefore) && Number.isFinite(cert.notValidAfter)).toBe(true);
    for (const text of [cert.subject, cert.issuer, ...cert.sanDns]) expect(text).not.toMatch(/[\x00-\x1f\x7f]/);
  }), { interruptAfterTimeLimit: FUZZ_MS, numRuns: Number.MAX_SAFE_INTEGER });
});
