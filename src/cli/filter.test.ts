import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { corpus } from '../../test/helpers/corpus.js';
import { tcpdumpRecords } from '../filter/tcpdump-oracle.js';

describe('tracer filter', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'tracer-filter-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['pcaps/scan/zeek_nmap-vsn.pcap', ['tcp', 'and', 'dst', 'port', '443'], 'tcp and dst port 443'],
    ['pcaps/ssh-bruteforce/zeek_sshguess.pcap', ['(tcp and port 22) or arp'], '(tcp and port 22) or arp'],
    ['pcaps/c2/chrissanders_ratinfected.pcapng', ['--proto', 'tcp,udp', 'src portrange 6645-6646'], '(tcp or udp) and src portrange 6645-6646'],
    ['pcaps/scan/evilfingers_nmap_UDP_SCAN.pcap', ['--proto', 'icmp,arp'], 'icmp or arp'],
  ])('%s: writes exactly the packets tcpdump keeps', async (file, args, tcpdumpExpr) => {
    const out = join(dir, 'out.pcap');
    const r = await runCli(['filter', corpus(file), '-w', out, ...args]);
    expect(r.code).toBe(0);
    const expected = tcpdumpRecords(corpus(file), tcpdumpExpr);
    expect(expected.length).toBeGreaterThan(0);
    expect(tcpdumpRecords(out)).toEqual(expected);
    const total = tcpdumpRecords(corpus(file)).length;
    expect(r.stderr).toBe(`${total} packets read, ${expected.length} matched, ${expected.length} written to ${out}\n`);
  });

  it('reports a bad expression in one line with its column', async () => {
    const r = await runCli(['filter', corpus('pcaps/scan/zeek_vnc-scanner.pcap'), '-w', join(dir, 'x.pcap'), 'tcp', 'and', 'port']);
    expect(r).toMatchObject({ code: 2, stderr: "tracer: Cannot parse filter at column 13: expected a port number after 'port'\n" });
  });

  it('reports a missing input in one line', async () => {
    const r = await runCli(['filter', join(dir, 'missing.pcap'), '-w', join(dir, 'x.pcap'), 'tcp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tracer: Cannot read capture .*missing\.pcap: [^\n]*\n$/);
  });
});
