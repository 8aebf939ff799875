import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; installed by .ci/run. */
export const CHROMIUM_PATH = process.env.TRACER_CHROMIUM ?? '/usr/bin/chromium';

/** Where tests keep screenshots and other artifacts (gitignored). */
export const ARTIFACT_DIR = join(process.cwd(), 'test-artifacts');

/**
 * Starts headless Debian Chromium with no background networking (the machine has
 * no internet); Playwright gives it a fresh temporary profile.
 * @example const browser = await launchChromium(); const page = await browser.newPage();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
