import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { corpus } from '../../test/helpers/corpus.js';
import { TestClient } from '../intel/testing/test-server.js';
import { startPtrServer } from '../intel/testing/ptr-server.js';
import { spawnIntelServer } from '../intel/testing/serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'tracer-intel-cli-'));
const ti = (p: string) => corpus(`threat-intel/${p}`);

describe('tracer intel', () => {
  it('compiles feeds, reporting broken records by file and line, and looks indicators up in the .tix', async () => {
    const tix = join(dir, 'all.tix');
    const compiled = await runCli(['intel', 'compile', ti('abusech_feodo_ipblocklist_recommended.json') + ',name=feodo', ti('azure-sentinel_VPS_Networks_cidr.csv') + ',name=vps', '-o', tix]);
    expect(compiled.code).toBe(0);
    expect(compiled.stderr).toContain('azure-sentinel_VPS_Networks_cidr.csv:6680: not an IP address or CIDR: "118.0/24"');
    expect(compiled.stderr).toMatch(/compiled 9968 indicators from 2 feeds/);
    const lookup = await runCli(['intel', 'lookup', '178.128.23.9', '192.0.2.1', '--tix', tix, '--json']);
    expect(lookup.code).toBe(0);
    expect(lookup.stdout.trim().split('\n').map((l) => JSON.parse(l).category)).toEqual(['feodo', 'vps']);
    const none = await runCli(['intel', 'lookup', '192.0.2.1', '--feed', ti('ipsum_level5.txt')]);
    expect(none.code).toBe(3);
  });
  it('gives one-line errors for a damaged index and bad usage', async () => {
    const bad = join(dir, 'bad.tix');
    writeFileSync(bad, 'TRACERIX but not really');
    const damaged = await runCli(['intel', 'lookup', '1.2.3.4', '--tix', bad]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/^tracer: .*bad\.tix: not a valid compiled index at byte \d+: [^\n]+\n$/);
    expect((await runCli(['intel', 'frobnicate'])).stderr).toMatch(/^tracer: intel needs a sub-command/);
  });
  it('serves the CyberTrace protocol and the HTTP API, and SIGHUP swaps in a recompiled index', async () => {
    const feed = join(dir, 'list.txt');
    writeFileSync(feed, '198.51.100.1\n');
    const server = await spawnIntelServer(['--feed', feed + ',name=list', '--http-port', '0', '--log', 'none']);
    try {
      const ask = async (ip: string) => {
        const client = await TestClient.open(server.port);
        client.send(`X-KF-ReplyBack\nip=${ip}\n`);
        const lines = await client.finished(1);
        client.socket.destroy();
        return lines;
      };
      expect(await ask('198.51.100.1')).toEqual(['Category=list|MatchedIndicator=198.51.100.1', 'LookupFinished']);
      writeFileSync(feed, '198.51.100.2\n');
      server.child.kill('SIGHUP');
      let after: string[] = [];
      for (let i = 0; i < 50 && after.length !== 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await ask('198.51.100.2');
      }
      expect(after).toEqual(['Category=list|MatchedIndicator=198.51.100.2', 'LookupFinished']);
      const http = await fetch(`http://127.0.0.1:${server.httpPort}/api/v1/lookup`, { method: 'POST', body: JSON.stringify({ ips: ['198.51.100.2'] }) });
      expect((await http.json()).matches[0].category).toBe('list');
      expect(await (await fetch(`http://127.0.0.1:${server.httpPort}/metrics`)).text()).toMatch(/tracer_intel_reloads_total 1\n/);
    } finally {
      await server.stop();
    }
  });
});

describe('tracer intel match', () => {
  it('matches a capture against a feed and, when asked, names the matched IPs by live reverse DNS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-intel-match-'));
    const server = await startPtrServer((qname) => (qname === '130.146.6.71.in-addr.arpa' ? 'scanner.example' : null));
    try {
      const db = join(dir, 'amp.duckdb');
      expect((await runCli(['ingest', '--db', db, '--quiet', corpus('pcaps/dos/stopddos_amp.dns.RRSIG.fragmented.pcap')])).code).toBe(0);
      const feed = `${corpus('threat-intel/ipsum_level5.txt')},name=ipsum5`;
      const plain = await runCli(['intel', 'match', '--db', db, '--feed', feed, '--json']);
      expect(plain.code).toBe(0);
      expect(plain.stdout.trim().split('\n').map((l) => JSON.parse(l).observed).sort()).toEqual(['71.6.146.130', '71.6.199.23', '80.82.77.33']);
      expect(plain.stdout).not.toContain('"ptr"');
      const named = await runCli(['intel', 'match', '--db', db, '--feed', feed, '--reverse-dns', '--dns-server', `127.0.0.1:${server.port}`, '--json']);
      const ptr = Object.fromEntries(named.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((a) => [a.observed, a.ptr]));
      expect(ptr).toEqual({ '71.6.146.130': ['scanner.example'], '71.6.199.23': [], '80.82.77.33': [] });
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
