import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/index.js';
import { sampleAnalysis } from '../../src/report/testing/sample-analysis.js';
import { runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'tracer-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tracer report options and errors', () => {
  it('reports a given analysis.json, planning its mitigations, even over an empty store', async () => {
    const file = join(work, 'analysis.json');
    writeFileSync(file, JSON.stringify(sampleAnalysis()));
    const out = join(work, 'given');
    const r = await runCli(['report', '--db', ':memory:', '--analysis', file, '--out', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(join(out, 'report.json'));
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    const data = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportData;
    expect(data.summary.attackers).toEqual(['203.0.113.66']);
    expect(data.mitigations.blockAddresses).toContain('203.0.113.66');
    expect(data.traffic.span).toBeNull();
    expect(data.custody.parameters).toMatchObject({ report: { store: ':memory:', analysis: file, formats: ['json'] } });
  });

  it('says in one line what is wrong with the input', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '{"format": "something-else"}');
    const cases: Array<[string[], number, RegExp]> = [
      [['--format', 'html,docx'], 2, /--format "html,docx": expected a comma-separated list of html, md, json, pdf/],
      [['--db', join(work, 'missing.duckdb')], 1, /missing\.duckdb: no such store/],
      [['--db', ':memory:'], 1, /:memory:: no alerts yet; run "tracer detect --db :memory:" first/],
      [['--db', ':memory:', '--analysis', join(work, 'nope.json')], 1, /nope\.json: cannot read/],
      [['--db', ':memory:', '--analysis', bad], 1, /bad\.json/],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(['report', '--out', join(work, 'x'), ...args]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
