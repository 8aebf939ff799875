import type { LogSchema } from './types.js';

/**
 * x509: certificates seen in clear in TLS handshakes, as Zeek x509.log — de-duplicated as
 * Zeek ≥ 4.2 does: one record per (fingerprint, host_cert, client_cert) per day of capture time.
 */
export const x509Schema: LogSchema = {
  name: 'x509',
  doc: 'Certificates sent in clear (TLS 1.2 and earlier), as Zeek x509.log: each certificate once per day in the same role (host or chain, client or server), as Zeek\'s X509::relog_known_certificates_after; ssl.log cert_chain_fps names every connection\'s chain.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time of the Certificate message.' },
    { name: 'fingerprint', type: 'string', doc: 'SHA-256 of the DER certificate (ssl.log cert_chain_fps).' },
    { name: 'certificate.version', type: 'count', doc: 'X.509 version (3 for v3).' },
    { name: 'certificate.serial', type: 'string', doc: 'Serial number, upper-case hex.' },
    { name: 'certificate.subject', type: 'string', doc: 'Subject DN, RFC 2253 form (CN=…,O=…,C=…).' },
    { name: 'certificate.issuer', type: 'string', doc: 'Issuer DN, RFC 2253 form.' },
    { name: 'certificate.not_valid_before', type: 'time', doc: 'Start of validity.' },
    { name: 'certificate.not_valid_after', type: 'time', doc: 'End of validity.' },
    { name: 'certificate.key_alg', type: 'string', doc: 'Public key algorithm (rsaEncryption, id-ecPublicKey…).' },
    { name: 'certificate.sig_alg', type: 'string', doc: 'Signature algorithm (sha256WithRSAEncryption…).' },
    { name: 'certificate.key_type', type: 'string', doc: 'Key type: rsa, ecdsa or dsa.' },
    { name: 'certificate.key_length', type: 'count', doc: 'Key size in bits (RSA modulus, EC field).' },
    { name: 'certificate.exponent', type: 'string', doc: 'RSA public exponent, decimal.' },
    { name: 'certificate.curve', type: 'string', doc: 'EC named curve.' },
    { name: 'san.dns', type: 'vector[string]', doc: 'subjectAltName DNS names.' },
    { name: 'san.uri', type: 'vector[string]', doc: 'subjectAltName URIs.' },
    { name: 'san.email', type: 'vector[string]', doc: 'subjectAltName e-mail addresses.' },
    { name: 'san.ip', type: 'vector[string]', doc: 'subjectAltName IP addresses.' },
    { name: 'basic_constraints.ca', type: 'bool', doc: 'basicConstraints: certificate authority.' },
    { name: 'basic_constraints.path_len', type: 'count', doc: 'basicConstraints: maximum path length.' },
    { name: 'host_cert', type: 'bool', doc: 'First certificate of its chain (the end host’s).' },
    { name: 'client_cert', type: 'bool', doc: 'Sent by the client.' },
  ],
};
