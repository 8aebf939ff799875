import type { LogSchema } from './types.js';

/** files: one record per file (body) seen in a protocol, with Zeek's files.log names. */
export const filesSchema: LogSchema = {
  name: 'files',
  doc: 'Files transferred inside connections (HTTP bodies, FTP data transfers), hashed as they stream, as Zeek files.log.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time the first byte of the file was seen.' },
    { name: 'fuid', type: 'string', doc: 'File id, derived deterministically from the connection uid, direction and transaction.' },
    { name: 'uid', type: 'string', doc: 'Connection that carried the file.' },
    { name: 'id.orig_h', type: 'addr', doc: 'Originator address of that connection.' },
    { name: 'id.orig_p', type: 'port', doc: 'Originator port.' },
    { name: 'id.resp_h', type: 'addr', doc: 'Responder address.' },
    { name: 'id.resp_p', type: 'port', doc: 'Responder port.' },
    { name: 'source', type: 'string', doc: 'Protocol the file came from (HTTP, FTP_DATA).' },
    { name: 'depth', type: 'count', doc: 'Depth of the file within its protocol transaction (0 for a whole body or transfer).' },
    { name: 'analyzers', type: 'set[string]', doc: 'File analyzers applied (MD5, SHA1, SHA256).' },
    { name: 'mime_type', type: 'string', doc: 'Type sniffed from the first bytes (magic numbers, after gzip/deflate decoding), not from headers.' },
    { name: 'filename', type: 'string', doc: 'Name from Content-Disposition, when given.' },
    { name: 'duration', type: 'interval', doc: 'Seconds from first to last byte.' },
    { name: 'local_orig', type: 'bool', doc: 'The sender of the file is in a local network (the originator\'s locality when is_orig, else the responder\'s), as Zeek.' },
    { name: 'is_orig', type: 'bool', doc: 'Sent by the originator (e.g. an upload).' },
    { name: 'seen_bytes', type: 'count', doc: 'Bytes seen and hashed.' },
    { name: 'total_bytes', type: 'count', doc: 'Size the protocol announced (Content-Length), when it did.' },
    { name: 'missing_bytes', type: 'count', doc: 'Bytes lost in content gaps.' },
    { name: 'overflow_bytes', type: 'count', doc: 'Out-of-order bytes beyond the reassembly buffer (Tracer reports these as missing instead: 0).' },
    { name: 'timedout', type: 'bool', doc: 'Analysis stopped by an inactivity timeout.' },
    { name: 'parent_fuid', type: 'string', doc: 'File id of the container this file was extracted from; always unset, as Tracer extracts nothing from archives (Zeek\'s base scripts set it only for extracted files).' },
    { name: 'md5', type: 'string', doc: 'MD5 of the bytes seen (unset when bytes are missing).' },
    { name: 'sha1', type: 'string', doc: 'SHA-1 of the bytes seen (unset when bytes are missing).' },
    { name: 'sha256', type: 'string', doc: 'SHA-256 of the bytes seen (unset when bytes are missing).' },
  ],
};
