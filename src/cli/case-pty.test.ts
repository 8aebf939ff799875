import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../test/helpers/corpus.js';
import { ORIGINAL_PATH } from '../case/testing/fixtures.js';

/** The original README's example session, answer by answer (empty answers skip Tracer's extra questions and end fact lists). */
const SESSION = [
  'SQL Injection', '192.168.1.100', '10.0.0.50',
  '1', 'firewall', 'ASA-5525', 'direct', '', '',
  'source_interface', 'GigabitEthernet0/1', '', 'y', 'destination_interface', 'GigabitEthernet0/2', 'ACL_rule', 'permit tcp any host 10.0.0.50 eq 80', '',
  '2', 'switch', 'Catalyst-3850', 'direct', '', '',
  'source_port', 'Gi1/0/24', 'CAM_entry', '0025.64FF.EE12', '', 'y', 'destination_port', 'Gi1/0/12', 'VLAN', '100', '',
  'done', 'y',
];
/** Longest wait for one prompt (tsx start-up on a busy 2-core machine included). */
const PROMPT_TIMEOUT_MS = 20_000;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

const dir = mkdtempSync(join(tmpdir(), 'tracer-pty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `tracer case new` in a pseudo-terminal (util-linux script), typing each answer when a prompt (": ") shows. */
function replay(answers: readonly string[]): Promise<string> {
  const main = join(projectRoot, 'src', 'cli', 'main.ts');
  const loader = join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const command = `node --import file://${loader} ${main} case new --db ${join(dir, 'cases.duckdb')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env: { ...process.env, TRACER_USER: 'pty-analyst', TERM: 'dumb' } });
  let output = '';
  let next = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no prompt after answer ${next}:\n${output.slice(-500)}`)); }, PROMPT_TIMEOUT_MS * 4);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (next < answers.length && output.replace(ANSI, '').endsWith(': ')) child.stdin.write(answers[next++] + '\r');
    });
    child.on('close', () => { clearTimeout(timer); resolve(output.replace(ANSI, '').replace(/\r/g, '')); });
  });
}

describe('tracer case new in a pseudo-terminal', () => {
  it('replays the original example session and reports the same path, facts and counts', async () => {
    const transcript = await replay(SESSION);
    const report = transcript.slice(transcript.indexOf('TRACER ANALYSIS REPORT'));
    expect(report).toContain('Threat Type: SQL Injection');
    expect(report).toContain('Network Elements Analyzed: 2');
    const path = report.slice(report.indexOf('--- COMPLETE NETWORK PATH ---'), report.indexOf('--- ANALYSIS SUMMARY ---')).trim();
    expect(path).toBe(ORIGINAL_PATH);
    expect(report).toContain('Direct Traversals: 2\nLateral Movements: 0\nPivot Points: 0');
    expect(transcript).toContain('--- ENRICHMENT LEVEL 2 ---');
    const saved = readdirSync(dir).find((f) => f.startsWith('tracer_analysis_CASE_'));
    expect(saved).toBeDefined();
    const json = JSON.parse(readFileSync(join(dir, saved ?? ''), 'utf8')) as { summary: { direct: number }; case: { detection: { investigator: string } } };
    expect(json.summary.direct).toBe(2);
    expect(json.case.detection.investigator).toBe('pty-analyst');
  }, PROMPT_TIMEOUT_MS * 5);
});
