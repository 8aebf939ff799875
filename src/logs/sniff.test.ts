import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus, projectRoot } from '../../test/helpers/corpus.js';
import { sniffLogFormat } from './sniff.js';

function head(path: string): Buffer {
  return readFileSync(path).subarray(0, 8192);
}

describe.runIf(haveCorpus)('sniffLogFormat on the corpus', () => {
  const expected: Array<[string, string | null]> = [
    ['auth-logs/loghub_OpenSSH_2k.log', 'sshd-syslog'],
    ['auth-logs/loghub_Linux_2k.log', 'sshd-syslog'],
    ['auth-logs/elastic_suspicious_login_activity_auth.log', 'sshd-syslog'],
    ['suricata/surevego_eve.json', 'suricata-eve'],
    ['suricata/surevego_eve_broken.json', 'suricata-eve'],
    ['zeek-logs/rita_proxy_tsv_conn.log', 'zeek-tsv'],
    ['zeek-logs/zeek-baseline_sshguess_notice.log', 'zeek-tsv'],
    ['zeek-logs/rita_json_dns.log', 'zeek-json'],
    ['suricata/zeus-project_fast.log', null],
    ['pcaps/misc/zeus-project_zeus.pcapng', null],
  ];
  for (const [file, format] of expected) it(`${file} → ${String(format)}`, () => expect(sniffLogFormat(head(corpus(file)))).toBe(format));

  it('knows the bundled sample auth.log', () => {
    expect(sniffLogFormat(head(`${projectRoot}/samples/auth.log`))).toBe('sshd-syslog');
  });
});

describe('sniffLogFormat', () => {
  it('recognises journald, Windows and RFC 5424 lines, and nothing in empty input', () => {
    const text = (s: string): Buffer => Buffer.from(s);
    expect(sniffLogFormat(text('{"__REALTIME_TIMESTAMP":"1","MESSAGE":"x"}\n'))).toBe('journald-json');
    expect(sniffLogFormat(text('{"winlog":{"event_id":4625}}\n'))).toBe('windows-json');
    expect(sniffLogFormat(text('\n<34>1 2024-01-01T00:00:00Z h sshd 1 - - hi\n'))).toBe('sshd-syslog');
    expect(sniffLogFormat(text('2024-05-01T10:00:00.123456+00:00 web sshd[9]: Accepted password for a from 10.0.0.1 port 1 ssh2\n'))).toBe('sshd-syslog');
    expect(sniffLogFormat(new Uint8Array(0))).toBeNull();
  });
});
