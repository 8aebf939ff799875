import { readU16 } from '../../decode/bytes.js';
import {
  EXT_ALPN, EXT_EC_POINT_FORMATS, EXT_SERVER_NAME, EXT_SIGNATURE_ALGORITHMS, EXT_SUPPORTED_GROUPS, EXT_SUPPORTED_VERSIONS,
  readAlpn, readServerName, readU16List, readU8List, walkExtensions,
} from './extensions.js';
import { MAX_CIPHERS } from './limits.js';

/** What the analyzer keeps of a ClientHello (RFC 8446 §4.1.2); lists keep wire order, GREASE included. */
export interface ClientHello {
  /** legacy_version field. */
  version: number;
  sessionId: string;
  ciphers: number[];
  extensions: number[];
  groups: number[];
  pointFormats: number[];
  signatureAlgorithms: number[];
  supportedVersions: number[];
  alpn: string[];
  serverName: string;
}

/**
 * Parses a ClientHello body (after the 4-byte handshake header). Returns the
 * hello, or an anomaly code (`tls_truncated_client_hello`, `tls_bad_extensions`)
 * when malformed; never throws.
 */
export function parseClientHello(b: Uint8Array): ClientHello | string {
  if (b.length < 35) return 'tls_truncated_client_hello';
  const hello: ClientHello = {
    version: readU16(b, 0), sessionId: '', ciphers: [], extensions: [], groups: [], pointFormats: [],
    signatureAlgorithms: [], supportedVersions: [], alpn: [], serverName: '',
  };
  let pos = 34;
  const sidLen = b[pos];
  if (pos + 1 + sidLen + 2 > b.length) return 'tls_truncated_client_hello';
  hello.sessionId = Buffer.from(b.buffer, b.byteOffset + pos + 1, sidLen).toString('hex');
  pos += 1 + sidLen;
  const cipherEnd = pos + 2 + readU16(b, pos);
  if (cipherEnd + 1 > b.length) return 'tls_truncated_client_hello';
  for (let p = pos + 2; p + 2 <= cipherEnd && hello.ciphers.length < MAX_CIPHERS; p += 2) hello.ciphers.push(readU16(b, p));
  pos = cipherEnd + 1 + b[cipherEnd];
  if (pos > b.length) return 'tls_truncated_client_hello';
  if (pos + 2 > b.length) return hello;
  const extEnd = Math.min(b.length, pos + 2 + readU16(b, pos));
  const ok = walkExtensions(b, pos + 2, extEnd, (type, from, to) => {
    hello.extensions.push(type);
    if (type === EXT_SERVER_NAME) hello.serverName = readServerName(b, from, to);
    else if (type === EXT_SUPPORTED_GROUPS) readU16List(b, from, to, 2, hello.groups);
    else if (type === EXT_EC_POINT_FORMATS) readU8List(b, from, to, hello.pointFormats);
    else if (type === EXT_SIGNATURE_ALGORITHMS) readU16List(b, from, to, 2, hello.signatureAlgorithms);
    else if (type === EXT_SUPPORTED_VERSIONS) readU16List(b, from, to, 1, hello.supportedVersions);
    else if (type === EXT_ALPN) readAlpn(b, from, to, hello.alpn);
  });
  return ok ? hello : 'tls_bad_extensions';
}
