import type { LogSchema } from './types.js';

/** ssh: one record per SSH connection, with Zeek's ssh.log names plus the HASSH package's fields. */
export const sshSchema: LogSchema = {
  name: 'ssh',
  doc: 'SSH sessions: banners, negotiated algorithms, HASSH, and Zeek\'s size-based authentication inference, as Zeek ssh.log.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time the first identification string was seen.' },
    { name: 'uid', type: 'string', doc: 'Connection uid.' },
    { name: 'id.orig_h', type: 'addr', doc: 'Client address.' },
    { name: 'id.orig_p', type: 'port', doc: 'Client port.' },
    { name: 'id.resp_h', type: 'addr', doc: 'Server address.' },
    { name: 'id.resp_p', type: 'port', doc: 'Server port.' },
    { name: 'version', type: 'count', doc: 'SSH major version (1 or 2; 1.99 counts as 2).' },
    { name: 'auth_success', type: 'bool', doc: 'Inferred authentication outcome from encrypted packet sizes (a heuristic, as Zeek).' },
    { name: 'auth_attempts', type: 'count', doc: 'Inferred authentication attempts (a heuristic, as Zeek).' },
    { name: 'direction', type: 'enum', doc: 'OUTBOUND when a local client logs into a remote server, INBOUND the other way, unset when both ends are local or both remote (Site::local_nets, as conn.log local_orig/local_resp).' },
    { name: 'client', type: 'string', doc: 'Client identification string (SSH-2.0-…).' },
    { name: 'server', type: 'string', doc: 'Server identification string.' },
    { name: 'cipher_alg', type: 'string', doc: 'Negotiated encryption algorithm.' },
    { name: 'mac_alg', type: 'string', doc: 'Negotiated MAC algorithm.' },
    { name: 'compression_alg', type: 'string', doc: 'Negotiated compression algorithm.' },
    { name: 'kex_alg', type: 'string', doc: 'Negotiated key-exchange algorithm.' },
    { name: 'host_key_alg', type: 'string', doc: 'Negotiated server host-key algorithm.' },
    { name: 'host_key', type: 'string', doc: 'MD5 fingerprint of the server host key (colon-separated hex).' },
    { name: 'hassh', type: 'string', doc: 'HASSH: MD5 of the client\'s kex;enc;mac;cmp lists.' },
    { name: 'hasshAlgorithms', type: 'string', doc: 'The client algorithm string hashed into hassh.' },
    { name: 'hasshServer', type: 'string', doc: 'HASSHServer: MD5 of the server\'s kex;enc;mac;cmp lists.' },
    { name: 'hasshServerAlgorithms', type: 'string', doc: 'The server algorithm string hashed into hasshServer.' },
  ],
};
