import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/correlate/index.js';
import { runCli } from '../helpers/cli.js';
import { corpus, haveCorpus } from '../helpers/corpus.js';

const work = mkdtempSync(join(tmpdir(), 'tracer-analyze-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function readAnalysis(out: string): Analysis {
  return JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
}

describe('tracer analyze', () => {
  it('tells the bundled intrusion end to end: chain, roles, compromised host, custody', async () => {
    const out = join(work, 'sample');
    const r = await runCli(['analyze', 'samples/intrusion.pcap.gz', 'samples/auth.log', '--out', out]);
    expect(r.stderr).toMatch(/\[1\/4\] ingesting 2 input\(s\)[\s\S]*\[4\/4\] writing the report/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 incident\(s\)/);
    expect(r.stdout).toContain('compromised: 10.10.0.10');
    const analysis = readAnalysis(out);
    const [incident] = analysis.incidents;
    expect(incident).toMatchObject({ severity: 'critical', attackers: ['203.0.113.66'], pivots: ['10.10.0.10'], victims: ['10.10.0.10'] });
    expect(incident.c2).toEqual(['198.51.100.23', 'update-check.example-cdn.net']);
    expect(incident.compromised[0].reasons[0]).toMatch(/accepted password for "admin" from 203\.0\.113\.66/);
    const steps = ['scanned 10.10.0.10 on 1,000 ports', 'failed logins from 203.0.113.66', 'accepted password', 'began beaconing', 'sent 4.0 MB', 'swept 253 hosts'];
    const positions = steps.map((s) => incident.chain.findIndex((line) => line.includes(s)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const input of analysis.inputs) {
      expect(input.sha256).toBe(createHash('sha256').update(readFileSync(input.path)).digest('hex'));
    }
    const dot = join(out, `graph-${incident.id}.dot`);
    expect(spawnSync('dot', ['-Tsvg', dot], { encoding: 'utf8' }).stdout).toContain('203.0.113.66');
    expect(existsSync(join(out, `graph-${incident.id}.graphml`)) && existsSync(join(out, `graph-${incident.id}.mmd`))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, `graph-${incident.id}.json`), 'utf8'))).toEqual(incident.graph);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('203.0.113.66');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('10.10.0.10 is compromised');
  });

  it.skipIf(!haveCorpus)('joins a real brute-force capture and a real auth.log: guessing without success, and a login won after guessing', async () => {
    const out = join(work, 'corpus');
    const r = await runCli([
      'analyze', corpus('pcaps/ssh-bruteforce/traceshare_hydra-4_tasks.pcap'), '--logs', corpus('auth-logs/elastic_suspicious_login_activity_auth.log'),
      '--out', out, '--internal', '240.125.0.0/16,10.0.0.0/8', '--year', '2026', '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { incidents } = readAnalysis(out);
    const hydra = incidents.find((i) => i.attackers.includes('240.0.1.3'))!;
    expect(hydra).toMatchObject({ victims: ['240.125.0.2'], compromised: [] });
    expect(hydra.tactics).toContain('credential-access');
    const won = incidents.find((i) => i.attackers.includes('24.151.103.17'))!;
    expect(won.compromised.map((c) => c.host)).toEqual(['ip-10-77-20-248']);
    expect(won.chain.some((s) => /accepted password for "elastic_user_5" from 24\.151\.103\.17/.test(s))).toBe(true);
  });

  it('analyses what it can read and says which input it could not', async () => {
    const out = join(work, 'missing');
    const r = await runCli(['analyze', 'samples/auth.log', join(work, 'no-such.pcap'), '--out', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tracer: .*no-such\.pcap: not read: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readAnalysis(out).inputs.map((i) => i.kind)).toEqual(['log']);
  });

  it('refuses a call without inputs with a usage error', async () => {
    const r = await runCli(['analyze', '--out', join(work, 'none')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/analyze needs at least one capture or log file/);
  });
});
