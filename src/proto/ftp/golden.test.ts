import { describe, expect, it } from 'vitest';
import { corpus, haveCorpus } from '../../../test/helpers/corpus.js';
import { replayTcp } from '../tshark-replay.js';
import { tsharkFields } from '../tshark-fields.js';
import { createFtpFactory } from './index.js';

/** Every corpus capture with an FTP control channel. */
const CAPTURES = ['pcaps/misc/zeek_ftp_bruteforce.pcap', 'pcaps/ipv6/zeek_ftp_ipv6.pcap'];

/**
 * tshark's view of each command and its final reply: requests and replies in
 * frame order per stream; a command takes the next reply that is not 1xx and
 * not a continuation. The greeting precedes any command and is not logged.
 */
function tsharkPairs(pcap: string): string[] {
  const rows = tsharkFields(pcap, ['tcp.stream', 'ftp.request.command', 'ftp.request.arg', 'ftp.response.code'], 'ftp.request || ftp.response');
  const waiting = new Map<string, string[][]>();
  const pairs: string[] = [];
  for (const [stream, command, arg, codes] of rows) {
    const queue = waiting.get(stream) ?? [];
    waiting.set(stream, queue);
    if (command) queue.push([command, arg]);
    const code = codes?.split(',')[0];
    if (!code || code.startsWith('1') || queue.length === 0) continue;
    const [c, a] = queue.shift()!;
    pairs.push([stream, c, c === 'PASS' ? '' : a, code].join(' | '));
  }
  for (const [stream, queue] of waiting) for (const [c, a] of queue) pairs.push([stream, c, a, ''].join(' | '));
  return pairs.sort();
}

/** The name a file command's URL argument ends with (tshark shows the bare argument). */
function fileName(command: string, arg: string): string {
  return /^(RETR|STOR|APPE|STOU)$/.test(command) ? arg.slice(arg.lastIndexOf('/') + 1) : arg;
}

describe.skipIf(!haveCorpus)('FTP golden tests against tshark', () => {
  for (const file of CAPTURES) {
    it(file, () => {
      const pcap = corpus(file);
      const contexts = replayTcp(pcap, createFtpFactory(null));
      const ours = contexts.flatMap((c) => c.stream('ftp')).map((r) => [
        String(r.uid).slice(1), r.command, r.command === 'PASS' ? '' : fileName(String(r.command), String(r.arg)), r.reply_code ?? '',
      ].join(' | ')).sort();
      expect(ours).toEqual(tsharkPairs(pcap));
      expect(contexts.flatMap((c) => c.weirds)).toEqual([]);
    });
  }

  it('sees the brute force Zeek noticed: 20 failed logins from 192.168.56.1 within 37 s', () => {
    const ftp = replayTcp(corpus('pcaps/misc/zeek_ftp_bruteforce.pcap'), createFtpFactory(null)).flatMap((c) => c.stream('ftp'));
    const failed = ftp.filter((r) => (r.command === 'USER' || r.command === 'PASS') && Number(r.reply_code) >= 500 && r.id_orig_h === '192.168.56.1');
    const times = failed.map((r) => Number(r.ts)).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThanOrEqual(20);
    expect(Math.floor(times[19] - times[0])).toBe(37);
    expect(new Set(failed.map((r) => r.id_resp_h)).size).toBe(1);
    expect(failed.every((r) => r.password === '<hidden>')).toBe(true);
  });

  it('shows RETR file names as URLs and the anonymous password, as Zeek does', () => {
    const ftp = replayTcp(corpus('pcaps/ipv6/zeek_ftp_ipv6.pcap'), createFtpFactory(null)).flatMap((c) => c.stream('ftp'));
    expect(ftp.filter((r) => r.command === 'RETR').map((r) => [r.arg, r.file_size])).toEqual([
      ['ftp://[2001:470:4867:99::21]/robots.txt', 77], ['ftp://[2001:470:4867:99::21]/robots.txt', 77],
    ]);
    expect(ftp.find((r) => r.command === 'PASS')).toMatchObject({ user: 'anonymous', password: 'test' });
  });
});
