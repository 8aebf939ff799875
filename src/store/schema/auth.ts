import type { LogSchema } from './types.js';

/** auth: one record per authentication event from host logs (sshd via syslog/journald, Windows Security). */
export const authSchema: LogSchema = {
  name: 'auth',
  doc: 'Authentication events normalised from sshd (syslog, journald) and Windows Security logs.',
  fields: [
    { name: 'ts', type: 'time', doc: 'Event time (UTC; zone-less syslog times read in the --tz zone).' },
    { name: 'host', type: 'string', doc: 'Host that logged the event (syslog hostname, journald _HOSTNAME, Windows Computer).' },
    { name: 'service', type: 'string', doc: 'Program or log that wrote the event (sshd, Security…).' },
    { name: 'pid', type: 'int', doc: 'Process id of the writer, when logged.' },
    { name: 'event', type: 'string', doc: 'Normalised event: failed_password, accepted_publickey, invalid_user, preauth_close, logon_failure, special_privileges and so on.' },
    { name: 'user', type: 'string', doc: 'Account name tried or used (attacker-controlled; escaped at display).' },
    { name: 'invalid_user', type: 'bool', doc: 'The server said the account does not exist.' },
    { name: 'src_ip', type: 'addr', doc: 'Remote address the attempt came from.' },
    { name: 'src_port', type: 'port', doc: 'Remote port the attempt came from.' },
    { name: 'method', type: 'string', doc: 'Authentication method (password, publickey, NTLM, Kerberos…).' },
    { name: 'logon_type', type: 'count', doc: 'Windows logon type (3 network, 10 remote interactive…).' },
    { name: 'count', type: 'count', doc: 'Events the line stands for: N for syslog "message repeated N times", else 1.' },
    { name: 'raw_line', type: 'string', doc: 'The log line (or message) as read; escaped only at display.' },
    { name: 'source_file', type: 'string', doc: 'Log file the event was read from.' },
    { name: 'source_line', type: 'count', doc: 'Line number in source_file (1-based).' },
  ],
};
