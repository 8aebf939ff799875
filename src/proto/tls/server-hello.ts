import { readU16 } from '../../decode/bytes.js';
import { EXT_ALPN, EXT_KEY_SHARE, EXT_PRE_SHARED_KEY, EXT_SUPPORTED_VERSIONS, readAlpn, walkExtensions } from './extensions.js';

/** What the analyzer keeps of a ServerHello (RFC 8446 §4.1.3). */
export interface ServerHello {
  /** legacy_version field. */
  version: number;
  /** supported_versions selection (TLS 1.3), else 0. */
  selectedVersion: number;
  sessionId: string;
  cipher: number;
  extensions: number[];
  /** key_share group (TLS 1.3), else -1. */
  keyShareGroup: number;
  /** ALPN protocol the server selected, '' when none. */
  alpn: string;
  /** pre_shared_key accepted (TLS 1.3 resumption). */
  pskAccepted: boolean;
}

/** Parses a ServerHello body (after the handshake header); an anomaly code when malformed. Never throws. */
export function parseServerHello(b: Uint8Array): ServerHello | string {
  if (b.length < 38) return 'tls_truncated_server_hello';
  const sidLen = b[34];
  let pos = 35 + sidLen;
  if (pos + 3 > b.length) return 'tls_truncated_server_hello';
  const hello: ServerHello = {
    version: readU16(b, 0), selectedVersion: 0, sessionId: Buffer.from(b.buffer, b.byteOffset + 35, sidLen).toString('hex'),
    cipher: readU16(b, pos), extensions: [], keyShareGroup: -1, alpn: '', pskAccepted: false,
  };
  pos += 3;
  if (pos + 2 > b.length) return hello;
  const alpn: string[] = [];
  const ok = walkExtensions(b, pos + 2, Math.min(b.length, pos + 2 + readU16(b, pos)), (type, from, to) => {
    hello.extensions.push(type);
    if (type === EXT_SUPPORTED_VERSIONS && to - from >= 2) hello.selectedVersion = readU16(b, from);
    else if (type === EXT_KEY_SHARE && to - from >= 2) hello.keyShareGroup = readU16(b, from);
    else if (type === EXT_PRE_SHARED_KEY) hello.pskAccepted = true;
    else if (type === EXT_ALPN) readAlpn(b, from, to, alpn);
  });
  hello.alpn = alpn[0] ?? '';
  return ok ? hello : 'tls_bad_extensions';
}
