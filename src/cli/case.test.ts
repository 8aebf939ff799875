import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tracer-case-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'cases.duckdb');
const env = { TRACER_USER: 'cli-analyst' };

async function ok(args: string[]): Promise<string> {
  const result = await runCli(['case', ...args, '--db', db], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('tracer case step by step', () => {
  it('builds the original example with plain commands and reports it in every format', async () => {
    const id = (await ok(['open', '--threat', 'SQL Injection', '--src', '192.168.1.100', '--dst', '10.0.0.50', '--ticket', 'INC-42'])).trim();
    expect(id).toMatch(/^CASE_\d{8}_\d{6}$/);
    await ok(['add-element', '--case', id, '--type', 'switch', '--name', 'Catalyst-3850', '--src-fact', 'source_port=Gi1/0/24', '--src-fact', 'CAM_entry=0025.64FF.EE12', '--dst-fact', 'destination_port=Gi1/0/12', '--dst-fact', 'VLAN=100']);
    await ok(['add-element', '--case', id, '--at', '1', '--type', 'firewall', '--name', 'ASA-5525', '--movement', 'direct', '--src-fact', 'source_interface=GigabitEthernet0/1',
      '--dst-fact', 'destination_interface=GigabitEthernet0/2', '--dst-fact', 'ACL_rule=permit tcp any host 10.0.0.50 eq 80']);
    await ok(['set', '--case', id, '--pillar', 'Analyze=done:path mapped', '--mitigation', 'WAF rule for /login', '--evidence', 'alert:ET WEB_SERVER SQL Injection']);
    const text = await ok(['show', id]);
    expect(text).toContain('  ASA-5525 (FIREWALL) - Direct Traversal\n      Source → source_interface: GigabitEthernet0/1\n      Dest → destination_interface: GigabitEthernet0/2');
    expect(text).toContain('Direct Traversals: 2\nLateral Movements: 0\nPivot Points: 0');
    expect(text).toContain('[x] Analyze: done — path mapped');
    await ok(['export', id, '--format', 'html', '--out', join(dir, 'case.html')]);
    expect(readFileSync(join(dir, 'case.html'), 'utf8')).toContain('<svg');
    expect(await ok(['history', id])).toMatch(/v4 .* cli-analyst {2}set/);
  }, 60_000);

  it('imports a tracer.py analysis file and rejects bad input with one line naming the file', async () => {
    const file = join(dir, 'tracer_analysis_CASE_1.json');
    writeFileSync(file, JSON.stringify({ case_id: 'CASE_1', threat_type: 'DDOS', source_ip: '8.8.8.8', destination_ip: '192.168.0.27',
      network_path: [{ type: 'router', name: 'WANRouterA', traversal_type: 'direct', source_info: { interface: 'Ge0/0' }, destination_info: { interface: 'Ge0/1' } }] }));
    expect(await ok(['import', file])).toBe('CASE_1: imported (1 elements)\n');
    expect(await ok(['list'])).toContain('CASE_1  active');
    const bad = await runCli(['case', 'add-element', '--db', db, '--case', 'CASE_1', '--type', 'toaster', '--name', 'x'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^tracer: case add-element: element\.type: expected one of firewall, .*\n$/);
    writeFileSync(file, '{"case_id": ');
    const broken = await runCli(['case', 'import', '--db', db, file], { env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^tracer: .*tracer_analysis_CASE_1\.json: not valid JSON: .*\n$/);
  }, 60_000);

  it('loses no update when several processes edit the same case at once', async () => {
    const id = (await ok(['open', '--threat', 'Malware C2', '--src', '10.0.0.8', '--dst', '203.0.113.7'])).trim();
    const names = ['r1', 'r2', 'r3', 'r4'];
    const results = await Promise.all(names.map((name) => runCli(['case', 'add-element', '--db', db, '--case', id, '--type', 'router', '--name', name], { env })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const report = JSON.parse(await ok(['export', id])) as { version: number; case: { path: Array<{ name: string }> } };
    expect(report.case.path.map((e) => e.name).sort()).toEqual(names);
    expect(report.version).toBe(5);
  }, 60_000);
});
