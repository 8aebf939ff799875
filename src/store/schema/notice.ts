import type { LogSchema } from './types.js';

/** notice: Zeek notice.log records read from Zeek logs, with Zeek's names. */
export const noticeSchema: LogSchema = {
  name: 'notice',
  doc: 'Zeek notices (SSH::Password_Guessing, Heartbleed…), as Zeek notice.log.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time the notice was raised.' },
    { name: 'uid', type: 'string', doc: 'Connection uid, when the notice is about one connection.' },
    { name: 'id.orig_h', type: 'addr', doc: 'Originator address.' },
    { name: 'id.orig_p', type: 'port', doc: 'Originator port.' },
    { name: 'id.resp_h', type: 'addr', doc: 'Responder address.' },
    { name: 'id.resp_p', type: 'port', doc: 'Responder port.' },
    { name: 'fuid', type: 'string', doc: 'File id, when the notice is about a file.' },
    { name: 'file_mime_type', type: 'string', doc: 'MIME type of that file.' },
    { name: 'file_desc', type: 'string', doc: 'Description of that file.' },
    { name: 'proto', type: 'enum', doc: 'Transport protocol.' },
    { name: 'note', type: 'enum', doc: 'Notice type (Module::Name).' },
    { name: 'msg', type: 'string', doc: 'Human-readable message.' },
    { name: 'sub', type: 'string', doc: 'Sub-message with extra detail.' },
    { name: 'src', type: 'addr', doc: 'Source address the notice is about.' },
    { name: 'dst', type: 'addr', doc: 'Destination address the notice is about.' },
    { name: 'p', type: 'port', doc: 'Port the notice is about.' },
    { name: 'n', type: 'count', doc: 'A count that goes with the notice.' },
    { name: 'peer_descr', type: 'string', doc: 'Zeek node that raised it.' },
    { name: 'actions', type: 'set[string]', doc: 'Actions taken (Notice::ACTION_LOG…).' },
    { name: 'email_dest', type: 'set[string]', doc: 'Mail recipients of the notice.' },
    { name: 'suppress_for', type: 'interval', doc: 'Seconds identical notices are suppressed.' },
  ],
};
