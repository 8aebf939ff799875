import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where headless Chromium is looked for when TRACER_CHROMIUM is not set. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Longest a PDF print may take before it is abandoned. */
const PRINT_TIMEOUT_MS = 120_000;

/** The Chromium executable to print with, or an Error saying how to get one. */
export function findChromium(): string {
  const path = process.env.TRACER_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) throw new Error('Cannot write report.pdf: no Chromium found; install chromium or set TRACER_CHROMIUM');
  return path;
}

/**
 * Prints report.html to PDF with headless Chromium (no network, a throw-away
 * profile, scripts given time to draw the charts; `#print` opens every collapsed part).
 */
export async function printPdf(htmlPath: string, pdfPath: string): Promise<void> {
  const chromium = findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'tracer-pdf-'));
  const args = ['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`, '--no-pdf-header-footer', '--run-all-compositor-stages-before-draw', '--virtual-time-budget=5000',
    `--print-to-pdf=${pdfPath}`, `${pathToFileURL(htmlPath).href}#print`];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => { err = (err + b.toString('utf8')).slice(-2000); });
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.on('error', (e) => { clearTimeout(timer); reject(new Error(`Cannot write report.pdf: ${e.message}`)); });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(pdfPath) && statSync(pdfPath).size > 0) resolve();
        else reject(new Error(`Cannot write report.pdf: Chromium exited with ${code}: ${err.trim().split('\n').pop() ?? ''}`));
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
