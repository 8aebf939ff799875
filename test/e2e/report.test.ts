import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/index.js';
import { chartShapes, graphPixels, openReport, type OpenedReport } from '../../src/report/testing/open-report.js';
import { ARTIFACT_DIR, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'tracer-report-'));
const db = join(work, 'sample.duckdb');
const out = join(work, 'report');
let browser: Browser;
let report: OpenedReport;
let cli: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  for (const args of [['ingest', '--db', db, '--quiet', 'samples/intrusion.pcap.gz', 'samples/auth.log'], ['detect', '--db', db]]) {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
  }
  cli = await runCli(['report', '--db', db, '--out', out, '--format', 'html,md,json,pdf']);
  browser = await launchChromium();
  report = await openReport(browser, join(out, 'report.html'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('tracer report on the bundled sample (ingest → detect → report)', () => {
  it('writes HTML, Markdown with SVG charts, JSON and PDF, and names them', () => {
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/^1 incident\(s\), \d+ alert\(s\), [1-9]\d* mitigation\(s\); severity critical$/m);
    for (const f of ['report.html', 'report.md', 'report.json', 'report.pdf', 'charts/timeline.svg', 'charts/traffic-bytes.svg', 'charts/network-map.svg']) {
      expect(cli.stdout).toContain(join(out, f));
    }
    expect(readFileSync(join(out, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(join(out, 'report.pdf')).size).toBeGreaterThan(50_000);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('![Bytes over time (intrusion shaded)](charts/traffic-bytes.svg)');
    const data = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportData;
    expect(data.summary).toMatchObject({ attackers: ['203.0.113.66'], victims: ['10.10.0.10'], severity: 'critical' });
    expect(data.custody.inputs.map((i) => i.path)).toEqual(['samples/intrusion.pcap.gz', 'samples/auth.log']);
    expect(data.traffic.phases.find((p) => p.phase === 'during')!.bytes).toBeGreaterThan(4_000_000);
    expect(data.tops.find((t) => t.id === 'http-hosts')!.rows.map((r) => r.name)).toContain('update-check.example-cdn.net');
  });

  it('loads from file:// with no console errors, no requests and no policy violations', () => {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(report.violations).toEqual([]);
  });

  it('draws every chart and the network map', async () => {
    const shapes = await chartShapes(report.page);
    expect(Object.keys(shapes).sort()).toEqual(['chart-bytes', 'chart-connections', 'chart-packets', 'chart-protocols', 'chart-timeline']);
    for (const [id, n] of Object.entries(shapes)) expect(n, id).toBeGreaterThan(5);
    expect(await graphPixels(report.page)).toBeGreaterThan(1000);
    const nodes = await report.page.evaluate(() => (window as unknown as { __tracerGraph: { nodes(): { map(f: (n: { id(): string }) => string): string[] } } }).__tracerGraph.nodes().map((n) => n.id()));
    expect(nodes).toEqual(expect.arrayContaining(['203.0.113.66', '10.10.0.10', '198.51.100.23']));
  });

  it('shows the attacker, the victim and a block rule ready to paste', async () => {
    const text = await report.page.locator('body').innerText();
    expect(text).toContain('203.0.113.66 attacked 10.10.0.10');
    await report.page.locator('#mitigations pre').first().scrollIntoViewIfNeeded();
    expect(await report.page.locator('#mitigations pre').first().innerText()).toMatch(/203\.0\.113\.66/);
    expect(text).toMatch(/iptables/);
    await report.page.locator('#custody').scrollIntoViewIfNeeded();
    expect(await report.page.locator('#custody').innerText()).toContain('samples/intrusion.pcap.gz');
  });

  it('filters the timeline by host and tactic, and sorts and searches the anomalies', async () => {
    const page = report.page;
    const rows = () => page.locator('#timeline-table tbody tr').count();
    const all = await rows();
    await page.locator('#timeline-filters select').nth(1).selectOption('exfiltration');
    expect(await rows()).toBeLessThan(all);
    expect(await page.locator('#timeline-table tbody').innerText()).toContain('4.0 MB');
    await page.locator('#timeline-filters select').nth(1).selectOption('');
    await page.locator('#timeline-filters select').first().selectOption('203.0.113.66');
    for (const row of await page.locator('#timeline-table tbody tr').allInnerTexts()) expect(row).toContain('203.0.113.66');
    const total = await page.locator('#anomaly-table tbody tr').count();
    await page.locator('#anomaly-filters input').fill('beacon');
    const beacons = await page.locator('#anomaly-table tbody tr').allInnerTexts();
    expect(beacons.length).toBeGreaterThanOrEqual(2);
    expect(beacons.length).toBeLessThan(total);
    for (const row of beacons) expect(row).toMatch(/beacon/);
    await page.locator('#anomaly-filters input').fill('');
    await page.locator('#anomaly-table th', { hasText: 'First seen' }).click();
    const firstRow = await page.locator('#anomaly-table tbody tr').first().innerText();
    expect(firstRow).toContain('203.0.113.66');
    await page.locator('#anomaly-table tbody tr').first().click();
    expect(await page.locator('#anomaly-table tr.detail').innerText()).toMatch(/alert id/);
  });

  it('keeps a screenshot as a test artifact', async () => {
    mkdirSync(ARTIFACT_DIR, { recursive: true });
    const path = join(ARTIFACT_DIR, 'report-sample.png');
    await report.page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(100_000);
  });
});
