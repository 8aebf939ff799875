import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT_DIR, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { projectRoot } from '../helpers/corpus.js';
import { openStore, type Store } from '../../src/store/duckdb.js';
import { alertsSchema } from '../../src/store/schema/alerts.js';
import { createRouter } from '../../src/web/router.js';
import { serverRoutes } from '../../src/web/routes.js';
import { serve } from '../../src/web/server.js';

/** Strings an attacker can put into traffic (DNS names, HTTP fields, log lines) that the page must show as text. */
const HOSTILE = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  svg: '"><svg onload="window.__pwned=3">',
};
const TOKEN = 'test-token-4f1d';

/** Console errors and page errors of a page, collected as they happen. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page: ${err.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  return problems;
}

describe('tracer serve over a finished analysis, in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-dashboard-store-'));
  const db = join(dir, 'demo.duckdb');
  let store: Store;
  let server: Server;
  let base = '';

  beforeAll(async () => {
    for (const args of [['ingest', '--db', db, join(projectRoot, 'samples', 'intrusion.pcap.gz')], ['detect', '--db', db]]) {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(0);
    }
    store = await openStore(db);
    await store.ensure(alertsSchema);
    const writer = store.writer(alertsSchema);
    writer.append({
      id: 'hostile-1', detector: HOSTILE.script, severity: 'critical', score: 1, tactic: 'Discovery', technique_id: 'T1046', technique: HOSTILE.img,
      first_seen: 1_700_000_000, last_seen: 1_700_000_001, src: HOSTILE.svg, dst: [HOSTILE.img], explanation: `query ${HOSTILE.img} ${HOSTILE.script}`, evidence: '{}',
    });
    writer.flush();
    server = await serve(createRouter(await serverRoutes(store)), { host: '127.0.0.1', port: 0, token: TOKEN });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const created = await fetch(`${base}/api/cases`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-tracer-user': 'dana' },
      body: JSON.stringify({ detection: { threatType: HOSTILE.img, source: HOSTILE.svg, destination: '10.10.0.10' } }),
    });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the token, then shows traffic, alerts, incidents and cases, rendering hostile strings as text', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1800 } });
      const refused = await (await context.newPage()).goto(`${base}/`);
      expect(refused?.status()).toBe(401);
      const page = await context.newPage();
      const problems = watch(page);
      await page.goto(`${base}/?token=${TOKEN}`);
      expect(new URL(page.url()).search).toBe('');
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'finished analysis');
      await page.locator('#cases tbody tr').first().waitFor();

      // The sample intrusion: its scan, brute force, beacon and upload, in one incident with a graph and timeline.
      const detectors = await page.locator('#alerts tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.detector));
      expect(detectors).toEqual(expect.arrayContaining(['port_scan', 'brute_force', 'beacon', 'exfiltration']));
      expect(await page.evaluate(() => (window as unknown as { tracerDashboard: { charts: { series: unknown[] } } }).tracerDashboard.charts.series.length)).toBeGreaterThan(100);
      const intrusion = await page.locator('#incident-select option', { hasText: '203.0.113.66' }).first().getAttribute('value');
      await page.selectOption('#incident-select', intrusion!);
      const graph = await page.evaluate(() => (window as unknown as { tracerDashboard: { incidents: { size(): { nodes: number; edges: number } } } }).tracerDashboard.incidents.size());
      expect(graph.nodes).toBeGreaterThanOrEqual(3);
      expect(graph.edges).toBeGreaterThanOrEqual(3);
      expect(await page.locator('#timeline tbody tr').count()).toBeGreaterThanOrEqual(4);

      // Hostile strings: shown literally, never parsed as markup.
      const hostileRow = page.locator('#alerts tr[data-alert-id="hostile-1"]');
      expect(await hostileRow.textContent()).toContain(HOSTILE.script);
      expect(await hostileRow.textContent()).toContain(HOSTILE.img);
      expect(await hostileRow.textContent()).toContain(HOSTILE.svg);
      expect(await page.locator('#cases tbody').textContent()).toContain(HOSTILE.img);
      expect(await page.locator('main img, main script, main svg, main iframe').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

      mkdirSync(ARTIFACT_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACT_DIR, 'dashboard-store.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
