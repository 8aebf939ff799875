import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';
import { sshdSyslogParser } from './sshd.js';
import { countBy, parseFile, parseLines } from './testing/collect.js';

const OPENSSH = corpus('auth-logs/loghub_OpenSSH_2k.log');
const ELASTIC = corpus('auth-logs/elastic_suspicious_login_activity_auth.log');

/** Lines of `file` matching the extended regex `pattern`, counted by grep: the oracle. */
function grepCount(pattern: string, file: string): number {
  return Number(execFileSync('grep', ['-cE', pattern, file], { encoding: 'utf8' }).trim());
}

describe.runIf(haveCorpus)('sshd syslog on the loghub OpenSSH log', async () => {
  const { records, errors } = await parseFile(sshdSyslogParser({ file: 'auth.log', year: 2015 }), OPENSSH);
  const auth = records.auth ?? [];
  const failed = auth.filter((r) => r.event === 'failed_password');

  it('reads every line', () => {
    expect(errors).toEqual([]);
  });

  it('counts each event as loghub\'s ground-truth parse (structured.csv EventIds)', () => {
    const byEvent = countBy(auth, 'event');
    // E9 383 + E10 135 + E14: 2 lines "message repeated 5 times", one record each with count 5.
    expect(byEvent.failed_password).toBe(383 + 135 + 2);
    expect(failed.reduce((n, r) => n + Number(r.count), 0)).toBe(383 + 135 + 10);
    expect(byEvent.failed_auth).toBe(4); // E8 Failed none
    expect(byEvent.invalid_user).toBe(113); // E13
    expect(byEvent.accepted_password).toBe(1); // E1
    expect(byEvent.auth_failure).toBe(384 + 110); // E20 + E19
    expect(byEvent.preauth_close).toBe(413 + 7 + 45 + 2 + 34); // E24 E25 E7 E6 E2
    expect(byEvent.disconnect).toBe(1); // E26
    expect(byEvent.break_in_attempt).toBe(85); // E27
    expect(byEvent.session_opened).toBe(1);
    expect(byEvent.session_closed).toBe(1);
  });

  it('has as many failed-password lines per source address as grep finds', () => {
    const linesByIp: Record<string, Set<number>> = {};
    for (const r of failed) (linesByIp[String(r.src_ip)] ??= new Set()).add(Number(r.source_line));
    expect(new Set(failed.map((r) => r.source_line)).size).toBe(failed.length);
    expect(Object.values(linesByIp).reduce((n, s) => n + s.size, 0)).toBe(grepCount('Failed password', OPENSSH));
    for (const ip of ['183.62.140.253', '187.141.143.180', '103.99.0.122', '5.36.59.76']) {
      expect(linesByIp[ip].size).toBe(grepCount(`Failed password for .* from ${ip.replace(/\./g, '\\.')} port`, OPENSSH));
    }
    expect(linesByIp['183.62.140.253'].size).toBe(286);
  });

  it('keeps user, port, method, the raw line and its line number', () => {
    expect(failed[0]).toMatchObject({ host: 'LabSZ', service: 'sshd', method: 'password' });
    const invalid = auth.find((r) => r.event === 'failed_password' && r.invalid_user === true);
    expect(invalid?.raw_line).toContain(`Failed password for invalid user ${String(invalid?.user)} from ${String(invalid?.src_ip)} port ${String(invalid?.src_port)}`);
    expect(auth[0]).toMatchObject({ ts: Date.UTC(2015, 11, 10, 6, 55, 46) / 1000, event: 'break_in_attempt', src_ip: '173.234.31.186', pid: 24200, source_line: 1 });
  });
});

describe.runIf(haveCorpus)('sshd syslog on the Elastic EC2 auth.log', async () => {
  const { records } = await parseFile(sshdSyslogParser({ file: 'auth.log', year: 2018 }), ELASTIC);
  const byEvent = countBy(records.auth, 'event');

  it('counts failures, invalid users and accepted logins as grep does', () => {
    const failedLines = new Set(records.auth?.filter((r) => r.event === 'failed_password').map((r) => r.source_line));
    expect(failedLines.size).toBe(grepCount('sshd\\[[0-9]+\\]: (message repeated .*)?Failed password', ELASTIC));
    expect(failedLines.size).toBe(713);
    expect(byEvent.invalid_user).toBe(178);
    expect((byEvent.accepted_password ?? 0) + (byEvent.accepted_publickey ?? 0)).toBe(226);
    expect(countBy(records.auth?.filter((r) => r.event === 'failed_password'), 'src_ip')['24.151.103.17']).toBeGreaterThanOrEqual(157);
  });
});

describe('sshd syslog lines', () => {
  it('reads RFC 5424 with its own zone, and zone-less 3164 in --tz', () => {
    const parser = sshdSyslogParser({ file: 'x', year: 2024, tz: 'Europe/Berlin' });
    const { records } = parseLines(parser, [
      '<38>1 2024-03-01T10:00:00.5+02:00 bastion sshd 812 - - Accepted publickey for ops from 2001:db8::7 port 50522 ssh2: ED25519 SHA256:x',
      'Jul  4 12:00:00 web01 sshd[9]: Invalid user  from 198.51.100.9 port 4242',
    ]);
    expect(records.auth?.[0]).toMatchObject({ ts: Date.UTC(2024, 2, 1, 8, 0, 0, 500) / 1000, host: 'bastion', pid: 812, event: 'accepted_publickey', user: 'ops', src_ip: '2001:db8::7', src_port: 50522 });
    expect(records.auth?.[1]).toMatchObject({ ts: Date.UTC(2024, 6, 4, 10) / 1000, event: 'invalid_user', user: '', invalid_user: true, src_port: 4242 });
  });

  it('reads rsyslog\'s high-precision format (Ubuntu 24.04 auth.log) with its own zone', () => {
    const { records, errors } = parseLines(sshdSyslogParser({ file: 'x', tz: 'Asia/Tokyo' }), [
      '2024-05-01T10:00:00.123456+02:00 web01 sshd[9]: Failed password for root from 198.51.100.2 port 4444 ssh2',
      '2024-02-30T10:00:00+02:00 web01 sshd[9]: Failed password for root from 198.51.100.2 port 4444 ssh2',
    ]);
    expect(records.auth?.[0]).toMatchObject({ ts: Date.UTC(2024, 4, 1, 8, 0, 0, 123) / 1000 + 0.000456, host: 'web01', pid: 9, event: 'failed_password' });
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, 'syslog_bad_time']]);
  });

  it('skips other programs and reports non-syslog lines with their numbers, keeping the rest', () => {
    const { records, errors } = parseLines(sshdSyslogParser({ file: 'x', year: 2024 }), [
      'Mar  1 10:00:00 h CRON[1]: pam_unix(cron:session): session opened for user root by (uid=0)',
      'garbage \x1b[2J',
      'Feb 30 10:00:00 h sshd[1]: Failed password for root from 192.0.2.1 port 1 ssh2',
      'Mar  1 10:00:01 h sshd[1]: Failed password for root from 192.0.2.1 port 1 ssh2',
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, 'not_syslog'], [3, 'syslog_bad_time']]);
    expect(records.auth?.map((r) => r.source_line)).toEqual([4]);
  });
});
