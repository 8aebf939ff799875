import { describe, expect, it } from 'vitest';
import { classifySshdMessage, newSshdEvent } from './sshd-message.js';

function classify(message: string): Record<string, unknown> | null {
  const out = newSshdEvent();
  return classifySshdMessage(message, out) ? { ...out } : null;
}

describe('classifySshdMessage', () => {
  it('reads the OpenSSH messages of each event kind', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2', { event: 'failed_password', user: 'webmaster', invalidUser: true, srcIp: '173.234.31.186', srcPort: 38926, method: 'password' }],
      ['Failed none for invalid user 0 from 5.188.10.180 port 49153 ssh2', { event: 'failed_auth', method: 'none', user: '0' }],
      ['Accepted publickey for ubuntu from 85.245.107.41 port 54259 ssh2: RSA SHA256:Kl8kPGZr', { event: 'accepted_publickey', user: 'ubuntu', srcPort: 54259 }],
      ['Invalid user  from 46.101.164.20', { event: 'invalid_user', user: '', srcIp: '46.101.164.20', srcPort: null }],
      ['Connection closed by 112.95.230.3 port 37340 [preauth]', { event: 'preauth_close', srcIp: '112.95.230.3', srcPort: 37340 }],
      ['Connection closed by authenticating user root 10.0.0.9 port 22 [preauth]', { event: 'preauth_close', user: 'root', srcIp: '10.0.0.9' }],
      ['Received disconnect from 139.59.209.18: 11: Bye Bye [preauth]', { event: 'preauth_close', srcIp: '139.59.209.18', srcPort: null }],
      ['Received disconnect from 85.245.107.41 port 54259:11: disconnected by user', { event: 'disconnect', srcIp: '85.245.107.41', srcPort: 54259 }],
      ['Disconnected from user ops 2001:db8::1 port 4022', { event: 'disconnect', user: 'ops', srcIp: '2001:db8::1', srcPort: 4022 }],
      ['Received disconnect from ::1: 11: Bye Bye [preauth]', { event: 'preauth_close', srcIp: '::1' }],
      ['error: maximum authentication attempts exceeded for root from 116.31.116.24 port 29160 ssh2 [preauth]', { event: 'max_auth_tries', user: 'root' }],
      ['pam_unix(sshd:session): session opened for user fztu by (uid=0)', { event: 'session_opened', user: 'fztu' }],
      ['session closed for user test', { event: 'session_closed', user: 'test' }],
      ['pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root', { event: 'auth_failure', srcIp: '112.95.230.3', user: 'root' }],
      ['reverse mapping checking getaddrinfo for ns.example.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!', { event: 'break_in_attempt', srcIp: '173.234.31.186' }],
      ['message repeated 5 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]', { event: 'failed_password', user: 'root', repeat: 5 }],
    ];
    for (const [message, expected] of cases) expect(classify(message), message).toMatchObject(expected);
  });

  it('leaves messages without an auth meaning alone', () => {
    for (const m of ['Server listening on 0.0.0.0 port 22.', 'PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=1.2.3.4', 'message repeated 2 times: [ Server listening ]', '']) expect(classify(m)).toBeNull();
  });
});
