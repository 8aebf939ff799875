import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACT_DIR, launchChromium } from '../helpers/browser.js';
import { projectRoot } from '../helpers/corpus.js';
import { openStore } from '../../src/store/duckdb.js';

/** Closed loopback ports the scan probes: each answers RST, a REJ connection that ends at once. */
const SCAN_PORTS = '20000-20200';
/** What the issue asks: the scan alert on the page within this many milliseconds of the scan. */
const ALERT_DEADLINE_MS = 10_000;

/** Capturing on loopback needs root or capture capabilities. */
const canCapture = spawnSync('tcpdump', ['-i', 'lo', '-d'], { stdio: 'ignore' }).status === 0;
const haveNmap = spawnSync('nmap', ['--version'], { stdio: 'ignore' }).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `tracer serve --capture lo …`; resolves once it captures, with its output so far. */
function startServe(args: string[]): { child: ChildProcess; ready: Promise<void>; output: () => string; stdout: () => string; exited: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli', 'main.ts'), 'serve', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '', stdout = '';
  child.stdout!.on('data', (b: Buffer) => { stdout += b.toString(); });
  let ready: () => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const readyPromise = new Promise<void>((resolve, reject) => { ready = resolve; failed = reject; });
  child.stderr!.on('data', (b: Buffer) => { stderr += b.toString(); if (stderr.includes('capturing on lo')) ready(); });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => { failed(new Error(`serve exited early: ${stderr}`)); resolve(code ?? -1); }));
  return { child, ready: readyPromise, output: () => stderr, stdout: () => stdout, exited };
}

describe.runIf(canCapture && haveNmap)('tracer serve --capture lo in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracer-dashboard-live-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows an nmap port scan of 127.0.0.1 as an alert within 10 s, with moving charts and no console errors', async () => {
    const port = await freePort();
    const db = join(dir, 'live.duckdb');
    // The page's own traffic to the server is left out of the capture it watches.
    const serve = startServe(['--capture', 'lo', '-f', `not tcp port ${port}`, '--port', String(port), '--db', db, '--ndjson']);
    const browser = await launchChromium();
    const problems: string[] = [];
    try {
      await serve.ready;
      const page = await browser.newPage({ viewport: { width: 1400, height: 1500 } });
      page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
      page.on('pageerror', (err) => problems.push(`page: ${err.message}`));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'live');
      const points = (): Promise<number> => page.evaluate(() => {
        const chart = (window as unknown as { echarts: { getInstanceByDom(n: HTMLElement): { getOption(): { series: { data: unknown[] }[] } } } }).echarts
          .getInstanceByDom(document.getElementById('traffic-chart')!);
        return chart.getOption().series[0].data.length;
      });
      const pointsBefore = await points();

      const scanStarted = Date.now();
      const nmap = spawnSync('nmap', ['-sT', '-Pn', '-n', '-T4', '-p', SCAN_PORTS, '127.0.0.1'], { encoding: 'utf8' });
      expect(nmap.status, nmap.stderr).toBe(0);
      const row = page.locator('#alerts tr[data-detector="port_scan"]').first();
      await row.waitFor({ timeout: ALERT_DEADLINE_MS });
      const alertAfterMs = Date.now() - scanStarted;
      process.stdout.write(`dashboard: port-scan alert on the page ${alertAfterMs} ms after nmap started\n`);
      expect(alertAfterMs).toBeLessThan(ALERT_DEADLINE_MS);
      expect(await row.textContent()).toMatch(/127\.0\.0\.1.*127\.0\.0\.1.*scan/);
      expect(await page.locator('#severity-counts .sev').count()).toBeGreaterThan(0);
      expect(await page.locator('#health').textContent()).toBe('nothing dropped');

      // The charts move: the traffic series gains a point a second, the protocol mix shows the scan's TCP.
      await page.waitForFunction((n) => {
        const chart = (window as unknown as { echarts: { getInstanceByDom(n: HTMLElement): { getOption(): { series: { data: unknown[] }[] } } } }).echarts
          .getInstanceByDom(document.getElementById('traffic-chart')!);
        return chart.getOption().series[0].data.length >= n + 3;
      }, pointsBefore, { timeout: 10_000 });
      const protocols = await page.evaluate(() => (window as unknown as { tracerDashboard: { charts: { protocol: { getOption(): { series: { data: { name: string }[] }[] } } } } })
        .tracerDashboard.charts.protocol.getOption().series[0].data.map((d) => d.name));
      expect(protocols).toContain('tcp');
      // The incident built from the alert: the attack graph has the scanner and its target.
      await page.waitForFunction(() => (window as unknown as { tracerDashboard: { incidents: { size(): { nodes: number } } } }).tracerDashboard.incidents.size().nodes >= 1, undefined, { timeout: 10_000 });

      mkdirSync(ARTIFACT_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACT_DIR, 'dashboard-live.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      serve.child.kill('SIGINT');
    }
    expect(await serve.exited).toBe(0);
    expect(serve.output()).toMatch(/\d+ packets read by Tracer, \d+ kept, 0 dropped by Tracer/);
    // The same alert went out as NDJSON the moment it fired (revision 1), before the final run at the end.
    const lines = serve.stdout().trim().split('\n').map((l) => JSON.parse(l) as { type: string; alert?: { detector: string }; revision?: number });
    const firstScan = lines.findIndex((e) => e.type === 'alert' && e.alert?.detector === 'port_scan');
    expect(lines[firstScan]).toMatchObject({ revision: 1, alert: { src: '127.0.0.1' } });
    expect(lines.slice(firstScan).filter((e) => e.type === 'stats').length).toBeGreaterThan(1);
    // The alert was stored too.
    const store = await openStore(db);
    const stored = await store.all("SELECT src, dst FROM alerts WHERE detector = 'port_scan'");
    await store.close();
    expect(stored).toEqual([{ src: '127.0.0.1', dst: ['127.0.0.1'] }]);
  }, 120_000);
});
