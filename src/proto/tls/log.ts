import type { AnalyzerContext } from '../analyzer.js';
import type { LogRecord } from '../../store/schema/types.js';
import { cipherName } from './cipher-names.js';
import type { ClientHello } from './client-hello.js';
import type { SslHistory } from './history.js';
import { ja3, ja3s } from './ja3.js';
import { ja4 } from './ja4.js';
import { versionName } from './names.js';
import type { ServerHello } from './server-hello.js';
import type { X509Info } from './x509/certificate.js';

/** What one connection's handshake showed, gathered by TlsSession. */
export interface TlsSummary {
  ts: number;
  client: ClientHello | null;
  server: ServerHello | null;
  curve: string | null;
  lastAlert: string | null;
  established: boolean;
  resumed: boolean;
  serverChain: string[];
  clientChain: string[];
  sniMatchesCert: boolean | null;
  history: SslHistory;
}

/** The negotiated version: supported_versions selection (TLS 1.3) or the ServerHello's version. */
export function negotiatedVersion(server: ServerHello): number {
  return server.selectedVersion || server.version;
}

/** One ssl.log record with Zeek's field names, plus the ja3/ja3s/ja4 fields of the common Zeek packages. */
export function sslRecord(ctx: AnalyzerContext, s: TlsSummary): LogRecord {
  return {
    ts: s.ts, uid: ctx.uid, id_orig_h: ctx.origH, id_orig_p: ctx.origP, id_resp_h: ctx.respH, id_resp_p: ctx.respP,
    version: s.server ? versionName(negotiatedVersion(s.server)) : null,
    cipher: s.server ? cipherName(s.server.cipher) : null,
    curve: s.curve,
    server_name: s.client && s.client.serverName !== '' ? s.client.serverName : null,
    resumed: s.resumed,
    last_alert: s.lastAlert,
    next_protocol: s.server && s.server.alpn !== '' ? s.server.alpn : null,
    established: s.established,
    ssl_history: s.history.text(),
    cert_chain_fps: s.serverChain.length > 0 ? s.serverChain : null,
    client_cert_chain_fps: s.clientChain.length > 0 ? s.clientChain : null,
    sni_matches_cert: s.sniMatchesCert,
    ja3: s.client ? ja3(s.client) : null,
    ja3s: s.server ? ja3s(s.server) : null,
    ja4: s.client ? ja4(s.client) : null,
  };
}

/** One x509.log record (Zeek's names), for a certificate seen at `ts`. */
export function x509Record(ts: number, cert: X509Info, hostCert: boolean, clientCert: boolean): LogRecord {
  const list = (values: string[]) => (values.length > 0 ? values : null);
  return {
    ts, fingerprint: cert.fingerprint,
    certificate_version: cert.version, certificate_serial: cert.serial, certificate_subject: cert.subject, certificate_issuer: cert.issuer,
    certificate_not_valid_before: cert.notValidBefore, certificate_not_valid_after: cert.notValidAfter,
    certificate_key_alg: cert.keyAlg, certificate_sig_alg: cert.sigAlg, certificate_key_type: cert.keyType,
    certificate_key_length: cert.keyLength, certificate_exponent: cert.exponent, certificate_curve: cert.curve,
    san_dns: list(cert.sanDns), san_uri: list(cert.sanUri), san_email: list(cert.sanEmail), san_ip: list(cert.sanIp),
    basic_constraints_ca: cert.ca, basic_constraints_path_len: cert.pathLen, host_cert: hostCert, client_cert: clientCert,
  };
}
