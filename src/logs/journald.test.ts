import { describe, expect, it } from 'vitest';
import { journaldParser } from './journald.js';
import { parseLines } from './testing/collect.js';

/** Entries as `journalctl -o json -u ssh` writes them (fields trimmed to those read and a few others). */
const ENTRIES = [
  '{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1700000000123456","_HOSTNAME":"bastion","SYSLOG_IDENTIFIER":"sshd","_PID":"4321","_COMM":"sshd","MESSAGE":"Failed password for invalid user admin from 203.0.113.66 port 50000 ssh2"}',
  '{"__REALTIME_TIMESTAMP":"1700000001000000","_HOSTNAME":"bastion","SYSLOG_IDENTIFIER":"sshd","_PID":"4322","MESSAGE":[65,99,99,101,112,116,101,100,32,112,117,98,108,105,99,107,101,121,32,102,111,114,32,114,111,111,116,32,102,114,111,109,32,49,48,46,48,46,48,46,49,32,112,111,114,116,32,50,50,50,50,32,115,115,104,50]}',
  '{"__REALTIME_TIMESTAMP":"1700000002000000","_HOSTNAME":"bastion","SYSLOG_IDENTIFIER":"systemd","MESSAGE":"Started ssh.service"}',
  '{"MESSAGE":"no time"}',
  'not json',
];

describe('journald JSON export', () => {
  it('reads sshd entries into auth with microsecond UTC times, byte-array messages included', () => {
    const { records, errors } = parseLines(journaldParser({ file: 'journal.json' }), ENTRIES);
    expect(records.auth).toHaveLength(2);
    expect(records.auth?.[0]).toMatchObject({ ts: 1700000000.123456, host: 'bastion', service: 'sshd', pid: 4321, event: 'failed_password', user: 'admin', invalid_user: true, src_ip: '203.0.113.66', src_port: 50000, source_line: 1 });
    expect(records.auth?.[1]).toMatchObject({ event: 'accepted_publickey', user: 'root', src_ip: '10.0.0.1', src_port: 2222 });
    expect(errors.map((e) => [e.line, e.code])).toEqual([[4, 'journald_no_time'], [5, 'bad_json']]);
  });
});
