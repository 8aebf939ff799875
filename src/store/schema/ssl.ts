import type { LogSchema } from './types.js';

/** ssl: one record per TLS connection, as Zeek ssl.log (with the ja3/ja3s/ja4 package fields). */
export const sslSchema: LogSchema = {
  name: 'ssl',
  doc: 'TLS handshakes: version, cipher, SNI, ALPN, resumption, fingerprints, as Zeek ssl.log.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time of the first TLS record.' },
    { name: 'uid', type: 'string', doc: 'Connection uid (conn.log).' },
    { name: 'id.orig_h', type: 'addr', doc: 'Originator (client) address.' },
    { name: 'id.orig_p', type: 'port', doc: 'Originator port.' },
    { name: 'id.resp_h', type: 'addr', doc: 'Responder (server) address.' },
    { name: 'id.resp_p', type: 'port', doc: 'Responder port.' },
    { name: 'version', type: 'string', doc: 'Negotiated version (TLSv12, TLSv13…), from the ServerHello.' },
    { name: 'cipher', type: 'string', doc: 'Cipher suite chosen by the server, IANA name.' },
    { name: 'curve', type: 'string', doc: 'Key-exchange group: TLS 1.3 key_share or the ECDHE ServerKeyExchange curve.' },
    { name: 'server_name', type: 'string', doc: 'SNI host name sent by the client (attacker-controlled; escaped).' },
    { name: 'resumed', type: 'bool', doc: 'Session resumed (session id echoed, or TLS 1.3 pre-shared key accepted).' },
    { name: 'last_alert', type: 'string', doc: 'Last alert sent in clear, by name.' },
    { name: 'next_protocol', type: 'string', doc: 'ALPN protocol selected by the server.' },
    { name: 'established', type: 'bool', doc: 'Handshake completed: ChangeCipherSpec both ways (TLS 1.3: application data both ways).' },
    { name: 'ssl_history', type: 'string', doc: 'Handshake messages, ChangeCipherSpec (i), alerts (l) and heartbeats (b) seen in clear, in order, one letter each as Zeek\'s SSL::Info (C client_hello, s server_hello, x certificate, k server_key_exchange, n server_hello_done, g client_key_exchange, j hello_retry_request…); upper case when the client sent it; at most 100 letters, up to where Zeek logs (the first encrypted record after ChangeCipherSpec both ways).' },
    { name: 'cert_chain_fps', type: 'vector[string]', doc: 'SHA-256 of each server certificate sent in clear (x509.log fingerprint).' },
    { name: 'client_cert_chain_fps', type: 'vector[string]', doc: 'SHA-256 of each client certificate sent in clear.' },
    { name: 'sni_matches_cert', type: 'bool', doc: 'The SNI is covered by the server certificate (SAN, else CN).' },
    { name: 'ja3', type: 'string', doc: 'JA3 client fingerprint (MD5), GREASE removed.' },
    { name: 'ja3s', type: 'string', doc: 'JA3S server fingerprint (MD5).' },
    { name: 'ja4', type: 'string', doc: 'JA4 TLS client fingerprint (FoxIO, BSD-3-Clause).' },
  ],
};
