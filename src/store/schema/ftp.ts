import type { LogSchema } from './types.js';

/** ftp: one record per FTP command with its final reply, with Zeek's ftp.log names. */
export const ftpSchema: LogSchema = {
  name: 'ftp',
  doc: 'FTP control-channel commands paired with their final replies, as Zeek ftp.log (every command is logged, not only Zeek\'s default set).',
  fields: [
    { name: 'ts', type: 'time', doc: 'Time the command was sent.' },
    { name: 'uid', type: 'string', doc: 'Control connection uid.' },
    { name: 'id.orig_h', type: 'addr', doc: 'Client address.' },
    { name: 'id.orig_p', type: 'port', doc: 'Client port.' },
    { name: 'id.resp_h', type: 'addr', doc: 'Server address.' },
    { name: 'id.resp_p', type: 'port', doc: 'Server port.' },
    { name: 'user', type: 'string', doc: 'User name given with USER (<unknown> before).' },
    { name: 'password', type: 'string', doc: 'Password: logged for anonymous/guest users only, else <hidden>.' },
    { name: 'command', type: 'string', doc: 'Command verb (upper case).' },
    { name: 'arg', type: 'string', doc: 'Command argument; a ftp:// URL for file commands (RETR, STOR, APPE, STOU).' },
    { name: 'file_size', type: 'count', doc: 'File size from a SIZE reply or a 150 "(N bytes)" reply.' },
    { name: 'reply_code', type: 'count', doc: 'Final reply code (unset when none came).' },
    { name: 'reply_msg', type: 'string', doc: 'Text of the final reply line.' },
    { name: 'data_channel.passive', type: 'bool', doc: 'Data channel is passive (PASV/EPSV) rather than active (PORT/EPRT).' },
    { name: 'data_channel.orig_h', type: 'addr', doc: 'Host that opens the data connection.' },
    { name: 'data_channel.resp_h', type: 'addr', doc: 'Host that accepts the data connection.' },
    { name: 'data_channel.resp_p', type: 'port', doc: 'Port that accepts the data connection.' },
  ],
};
