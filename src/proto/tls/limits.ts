/**
 * Bounds for the TLS analyzer. Every loop over connection bytes stops at one
 * of these, so hostile input costs bounded work and memory.
 */

/** TLS record header: type, version, length (RFC 8446 §5.1). */
export const RECORD_HEADER_LEN = 5;
/** Largest record: 2^14 plaintext + 2048 expansion (RFC 5246 §6.2.3); longer lengths mean not TLS. */
export const MAX_RECORD_LEN = 16384 + 2048;
/** Largest handshake message reassembled across records; certificate chains in the wild stay far below. */
export const MAX_HANDSHAKE_LEN = 131072;
/** Handshake header: type and 24-bit length. */
export const HANDSHAKE_HEADER_LEN = 4;
/** Extensions read from one hello (about 30 exist; 128 leaves room for GREASE and padding). */
export const MAX_EXTENSIONS = 128;
/** Cipher suites read from one ClientHello (the 2-byte length allows 32,767). */
export const MAX_CIPHERS = 512;
/** Entries read from one list extension (groups, versions, signature algorithms, ALPN). */
export const MAX_LIST_ENTRIES = 128;
/** Certificates read from one Certificate message. */
export const MAX_CERTIFICATES = 16;
/** Handshake records inspected per direction; after this the connection is encrypted traffic only. */
export const MAX_HANDSHAKE_RECORDS = 64;
/** Attributes rendered per certificate name (subject/issuer); real ones have under 15. */
export const MAX_NAME_ATTRIBUTES = 64;
/** Extensions read per certificate. */
export const MAX_CERT_EXTENSIONS = 64;
/** subjectAltName entries kept per certificate (large CDN certificates carry a few hundred). */
export const MAX_SAN_ENTRIES = 512;
/** Letters kept in ssl_history (Zeek's SSL::max_ssl_history_length). */
export const MAX_SSL_HISTORY = 100;
/** Seconds before an already logged certificate is logged again (Zeek's X509::relog_known_certificates_after, 1 day). */
export const DEFAULT_X509_RELOG_SECONDS = 86400;
/** Certificates remembered for x509.log de-duplication (Zeek's X509::known_log_certs_maximum_size). */
export const MAX_KNOWN_LOG_CERTS = 1_000_000;
