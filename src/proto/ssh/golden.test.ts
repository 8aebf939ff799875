import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../../test/helpers/corpus.js';
import type { LogRecord } from '../../store/schema/types.js';
import { replayTcp } from '../tshark-replay.js';
import { tsharkFields } from '../tshark-fields.js';
import { sshFactory } from './index.js';

/** Every corpus capture with SSH. */
const CAPTURES = [
  'pcaps/ssh-bruteforce/zeek_sshguess.pcap',
  'pcaps/ssh-bruteforce/traceshare_hydra-1_tasks.pcap',
  'pcaps/ssh-bruteforce/traceshare_hydra-4_tasks.pcap',
  'pcaps/ssh-bruteforce/traceshare_medusa-1_tasks.pcap',
  'pcaps/ssh-bruteforce/traceshare_ncrack-sneaky.pcap',
  'pcaps/linktypes/zeek_nanosecond_get-to-ssh-server.pcap',
];

const sorted = (rows: string[][]) => rows.map((r) => r.join(' | ')).sort();
const stream = (r: LogRecord) => String(r.uid).slice(1);

function sshRecords(pcap: string): LogRecord[] {
  return replayTcp(pcap, sshFactory).flatMap((c) => c.stream('ssh'));
}

describe.skipIf(!haveCorpus)('SSH golden tests against tshark', () => {
  for (const file of CAPTURES) {
    it(file, () => {
      const pcap = corpus(file);
      const ssh = sshRecords(pcap);
      const banners = tsharkFields(pcap, ['tcp.stream', 'ssh.protocol'], 'ssh.protocol');
      const ours = ssh.flatMap((r) => [r.client, r.server].filter((b) => b !== null).map((b) => [stream(r), String(b)]));
      expect(sorted(ours)).toEqual(sorted(banners));
      const hassh = tsharkFields(pcap, ['tcp.stream', 'ssh.kex.hassh', 'ssh.kex.hasshserver'], 'ssh.kex.hassh || ssh.kex.hasshserver')
        .map(([s, client, server]) => [s, client || server]);
      const ourHassh = ssh.flatMap((r) => [r.hassh, r.hasshServer].filter((h) => h !== null).map((h) => [stream(r), String(h)]));
      expect(sorted(ourHassh)).toEqual(sorted(hassh));
      // Every corpus SSH capture is local-to-local (sshguess: 192.168.56/24) or remote-to-remote (240/4, public): Zeek leaves direction unset.
      expect(new Set(ssh.map((r) => r.direction))).toEqual(new Set([null]));
    });
  }

  it('infers the same authentication attempts as Zeek on sshguess (all failed)', () => {
    const baseline = readFileSync(corpus('zeek-logs/zeek-baseline_sshguess_auth-events.txt'), 'utf8')
      .split('\n').filter((l) => l.startsWith('auth_result')).map((l) => l.split(', '));
    const ssh = sshRecords(corpus('pcaps/ssh-bruteforce/zeek_sshguess.pcap'));
    expect(ssh.map((r) => r.auth_attempts).sort()).toEqual(baseline.map((b) => Number(b[3])).sort());
    expect(ssh.every((r) => r.auth_success === false)).toBe(true);
  });

  it('finds no successful login in the unsuccessful Trace-Share dictionary attacks', () => {
    for (const file of CAPTURES.filter((f) => f.includes('traceshare'))) {
      const ssh = sshRecords(corpus(file));
      expect(ssh.length).toBeGreaterThan(50);
      expect(ssh.filter((r) => r.auth_success === true)).toEqual([]);
    }
  });
});
