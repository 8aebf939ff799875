import type { Browser, Page } from 'playwright-core';

/** A report page opened in Chromium, with what it tried that it should not have. */
export interface OpenedReport {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request other than the report file itself (all are blocked). */
  requests: string[];
  /** Content-Security-Policy violations the page reported. */
  violations: string[];
  /** Dialogs (alert, confirm, prompt) the page tried to open. */
  dialogs: string[];
  /** Milliseconds from navigation until the page script marked itself ready. */
  loadMs: number;
}

/**
 * Opens report.html from file:// in a fresh page, blocking and recording any other
 * request, and waits until the page script has drawn everything (html[data-ready]).
 */
export async function openReport(browser: Browser, path: string, viewport = { width: 1280, height: 900 }): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport });
  const url = `file://${path}`;
  const opened: OpenedReport = { page, errors: [], requests: [], violations: [], dialogs: [], loadMs: 0 };
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    opened.requests.push(route.request().url());
    return route.abort();
  });
  page.on('request', (r) => { if (r.url() !== url && !opened.requests.includes(r.url())) opened.requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') opened.errors.push(m.text()); });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('dialog', (d) => { opened.dialogs.push(d.message()); void d.dismiss(); });
  await page.exposeFunction('__reportViolation', (text: string) => opened.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const start = Date.now();
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 20_000 });
  opened.loadMs = Date.now() - start;
  return opened;
}

/** Per chart container: how many SVG shapes it drew (0 when it drew nothing). */
export function chartShapes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.chart')].map((c) => [c.id, c.querySelectorAll('svg path, svg rect, svg circle').length])));
}

/** How many non-transparent pixels the network map's canvases hold. */
export function graphPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#graph canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) continue;
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
    }
    return n;
  });
}
