import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { ATTACKER, C2, C2_NAME, fixtureAnalysis, VICTIM } from '../mitigate/testing/fixtures.js';
import { checkWith, hasTool, missing } from '../mitigate/testing/tools.js';

/** A temporary folder holding the fixture analysis (with every kind of finding) as analysis.json. */
function analysisFile(text = JSON.stringify(fixtureAnalysis(true))): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tracer-mitigate-cli-')), 'analysis.json');
  writeFileSync(path, text);
  return path;
}

/** How each written file is checked by a real tool: the tool and its arguments (FILE = the file). */
const CHECKS: Array<[RegExp, string, string[]]> = [
  [/\.nft$/, 'nft', ['-c', '-f', 'FILE']], [/^iptables.*\.rules$/, 'iptables-restore', ['--test']], [/^ip6tables.*\.rules$/, 'ip6tables-restore', ['--test']],
  [/\.zone$/, 'named-checkzone', ['rpz.tracer', 'FILE']], [/^unbound.*\.conf$/, 'unbound-checkconf', ['FILE']],
];

/** Runs every available checker over the files in `dir`; returns the files checked and the tools missing. */
function checkFolder(dir: string): { checked: string[]; absent: string[] } {
  const checked: string[] = [];
  const absent = new Set<string>();
  for (const name of readdirSync(dir).sort()) {
    const check = CHECKS.find(([re]) => re.test(name));
    if (!check) continue;
    if (!hasTool(check[1])) { absent.add(check[1]); continue; }
    const result = checkWith(check[1], check[2], readFileSync(join(dir, name), 'utf8'), name);
    expect(result.status, `${check[1]} on ${name}: ${result.output}`).toBe(0);
    checked.push(name);
  }
  return { checked, absent: [...absent] };
}

describe('tracer mitigate', () => {
  it('prints the plan: blocks, why with numbers, rules, hardening and checks', async () => {
    const run = await runCli(['mitigate', '--analysis', analysisFile()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Block addresses: .*${ATTACKER.replace(/\./g, '\\.')}`));
    expect(run.stdout).toContain(`Sinkhole names:  bad-updates.example.org, t.exfil-dns.example, ${C2_NAME}`);
    expect(run.stdout).toContain('[immediate] Isolate the compromised host 10.10.0.10');
    expect(run.stdout).toContain(`   $ nmap -Pn -p 22 ${VICTIM}`);
    expect(run.stdout).toContain(`-I OUTPUT -d ${C2} -m comment`);
  });

  it('prints one target that its tool loads, and JSON that parses', async (ctx) => {
    const file = analysisFile();
    const nft = await runCli(['mitigate', '--analysis', file, '--target', 'nftables']);
    expect(nft.code).toBe(0);
    expect(nft.stdout).toContain('==> tracer_block.nft <==');
    const json = JSON.parse((await runCli(['mitigate', '--analysis', file, '--json'])).stdout);
    expect(json.blockDomains).toContain(C2_NAME);
    const zeek = await runCli(['mitigate', '--analysis', file, '--target', 'zeek-intel']);
    expect(zeek.stdout.split('\n')[0]).toBe('#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc');
    if (!hasTool('nft')) return ctx.skip(missing('nft'));
    const block = nft.stdout.split('==> tracer_block.nft <==\n')[1].split('\n==> ')[0];
    expect(checkWith('nft', ['-c', '-f', 'FILE'], block, 'block.nft').status).toBe(0);
  });

  it('writes one file per rule file with --out, each accepted by its real tool', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tracer-mitigate-out-')), 'm');
    const run = await runCli(['mitigate', '--analysis', analysisFile(), '--out', out, '--sinkhole', '10.0.0.53']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\d+ mitigation\(s\); wrote 11 rule file\(s\), plan.txt and plan.json to /);
    expect(readdirSync(out).sort()).toEqual([
      'cisco-asa.txt', 'ip6tables-ratelimit-22.rules', 'ip6tables.rules', 'iptables-ratelimit-22.rules', 'iptables.rules', 'plan.json', 'plan.txt',
      'rpz.tracer.zone', 'tracer-intel.dat', 'tracer.rules', 'tracer_block.nft', 'tracer_ratelimit_22.nft', 'unbound-sinkhole.conf',
    ]);
    const { checked, absent } = checkFolder(out);
    if (absent.length > 0) console.warn(absent.map(missing).join('\n'));
    expect(checked.length + absent.length).toBeGreaterThan(0);
  });

  it('turns bad input into one-line errors', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['mitigate'], 2, /^tracer: mitigate needs --analysis FILE/],
      [['mitigate', '--analysis', analysisFile('{"format":"tracer-analysis/1",')], 1, /^tracer: Cannot read .*analysis\.json: not JSON/],
      [['mitigate', '--analysis', analysisFile('{"format":"other"}')], 1, /format is not "tracer-analysis\/1"/],
      [['mitigate', '--analysis', analysisFile('{"format":"tracer-analysis/1","incidents":[],"alerts":[{"id":"x"}]}')], 1, /alerts\[0\]\.dst is not a list/],
      [['mitigate', '--analysis', '/nonexistent/analysis.json'], 1, /^tracer: Cannot read \/nonexistent\/analysis\.json: ENOENT/],
      [['mitigate', '--analysis', analysisFile(), '--target', 'pf'], 2, /--target must be one of iptables, nftables/],
      [['mitigate', '--analysis', analysisFile(), '--sinkhole', 'x;y'], 2, /Cannot use sinkhole/],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
    }
  });

  it('plans for what tracer analyze found in the bundled sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-mitigate-e2e-'));
    const analyze = await runCli(['analyze', 'samples/intrusion.pcap.gz', 'samples/auth.log', '--out', join(dir, 'a'), '--quiet']);
    expect(analyze.code, analyze.stderr).toBe(0);
    const run = await runCli(['mitigate', '--analysis', join(dir, 'a', 'analysis.json'), '--out', join(dir, 'm')]);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'm', 'plan.json'), 'utf8'));
    expect(plan.blockAddresses).toEqual([C2, ATTACKER]);
    expect(plan.blockDomains).toEqual([C2_NAME]);
    expect(plan.mitigations.map((m: { id: string }) => m.id)).toEqual(['block-attackers', 'block-c2', 'isolate-10-10-0-10', 'harden-login-10-10-0-10-22', 'limit-egress', 'segment-internal']);
    checkFolder(join(dir, 'm'));
  }, 120_000);
});
