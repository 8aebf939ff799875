/** OpenSSL's short names for the attribute types seen in certificate names (RFC 4519, PKCS #9, EV). */
export const ATTRIBUTE_NAMES = new Map<string, string>([
  ['2.5.4.3', 'CN'], ['2.5.4.4', 'SN'], ['2.5.4.5', 'serialNumber'], ['2.5.4.6', 'C'], ['2.5.4.7', 'L'], ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'street'], ['2.5.4.10', 'O'], ['2.5.4.11', 'OU'], ['2.5.4.12', 'title'], ['2.5.4.15', 'businessCategory'],
  ['2.5.4.17', 'postalCode'], ['2.5.4.42', 'GN'], ['2.5.4.43', 'initials'], ['2.5.4.46', 'dnQualifier'], ['2.5.4.97', 'organizationIdentifier'],
  ['1.2.840.113549.1.9.1', 'emailAddress'], ['0.9.2342.19200300.100.1.25', 'DC'], ['0.9.2342.19200300.100.1.1', 'UID'],
  ['1.3.6.1.4.1.311.60.2.1.1', 'jurisdictionL'], ['1.3.6.1.4.1.311.60.2.1.2', 'jurisdictionST'], ['1.3.6.1.4.1.311.60.2.1.3', 'jurisdictionC'],
]);

/** Zeek's key_alg/sig_alg texts: OpenSSL's long names for public-key and signature algorithms. */
export const ALGORITHM_NAMES = new Map<string, string>([
  ['1.2.840.113549.1.1.1', 'rsaEncryption'], ['1.2.840.10045.2.1', 'id-ecPublicKey'], ['1.2.840.10040.4.1', 'dsaEncryption'],
  ['1.3.101.112', 'ED25519'], ['1.3.101.113', 'ED448'],
  ['1.2.840.113549.1.1.4', 'md5WithRSAEncryption'], ['1.2.840.113549.1.1.5', 'sha1WithRSAEncryption'],
  ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption'], ['1.2.840.113549.1.1.12', 'sha384WithRSAEncryption'],
  ['1.2.840.113549.1.1.13', 'sha512WithRSAEncryption'], ['1.2.840.113549.1.1.10', 'rsassaPss'],
  ['1.2.840.10045.4.1', 'ecdsa-with-SHA1'], ['1.2.840.10045.4.3.2', 'ecdsa-with-SHA256'], ['1.2.840.10045.4.3.3', 'ecdsa-with-SHA384'],
  ['1.2.840.10045.4.3.4', 'ecdsa-with-SHA512'],
]);

/** Key types as Zeek's x509.log `key_type` names them. */
export const KEY_TYPES = new Map<string, string>([
  ['1.2.840.113549.1.1.1', 'rsa'], ['1.2.840.10045.2.1', 'ecdsa'], ['1.2.840.10040.4.1', 'dsa'],
]);

/** Named curves of EC keys: bits of the field, for `key_length`, and OpenSSL's curve names. */
export const EC_CURVES = new Map<string, { name: string; bits: number }>([
  ['1.2.840.10045.3.1.7', { name: 'prime256v1', bits: 256 }], ['1.3.132.0.34', { name: 'secp384r1', bits: 384 }],
  ['1.3.132.0.35', { name: 'secp521r1', bits: 521 }], ['1.3.132.0.10', { name: 'secp256k1', bits: 256 }],
]);
