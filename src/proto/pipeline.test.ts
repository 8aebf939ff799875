import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { corpus, haveCorpus } from '../../test/helpers/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'tracer-proto-b-'));
const db = join(dir, 'store.duckdb');

async function exported(stream: string): Promise<Array<Record<string, unknown>>> {
  const r = await runCli(['export', '--db', db, '--stream', stream, '--format', 'ndjson']);
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.skipIf(!haveCorpus)('HTTP, SSH and FTP through `tracer ingest` into the store', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the protocol logs of three corpus captures', async () => {
    const inputs = ['pcaps/misc/zeek_wikipedia_http.pcap', 'pcaps/ssh-bruteforce/zeek_sshguess.pcap', 'pcaps/ipv6/zeek_ftp_ipv6.pcap', 'pcaps/c2/chrissanders_cryptowall4_c2.pcapng'];
    const r = await runCli(['ingest', '--db', db, '--quiet', ...inputs.map(corpus)]);
    expect(r.code).toBe(0);
    const http = await exported('http');
    expect(http.filter((h) => String(h.host).includes('wiki'))).toHaveLength(15);
    expect(http.filter((h) => h.method === 'POST').map((h) => h.host)).toEqual(['homealldaylong.com', 'homealldaylong.com', 'homealldaylong.com']);
    const files = await exported('files');
    expect(files.map((f) => f.md5)).toContain('07cbba431da0f5e98ed1c88c240ba93c');
    const ssh = await exported('ssh');
    expect(ssh.map((s) => s.auth_attempts).reduce((a, b) => Number(a) + Number(b), 0)).toBe(28);
    const ftp = await exported('ftp');
    expect(ftp.filter((f) => f.command === 'RETR').map((f) => f.file_size)).toEqual([77, 77]);
    const conns = await exported('conn');
    expect(conns.filter((c) => c.service === 'ftp-data')).toHaveLength(5);
  });
});
