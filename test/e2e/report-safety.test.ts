import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReport, type OpenedReport } from '../../src/report/testing/open-report.js';
import { writeFrame, type Endpoint } from '../../src/synth/frame-builder.js';
import type { TimedFrame } from '../../src/synth/mixed-traffic.js';
import { concat, dnsQuery, dnsResponse, httpRequest, httpResponseHead, tlsClientHello, tlsServerHello } from '../../src/synth/payloads.js';
import { PcapFileWriter } from '../../src/synth/pcap-file-writer.js';
import { Prng } from '../../src/synth/prng.js';
import { tcpSession } from '../../src/synth/tcp-session.js';
import { mergeByTime, timed } from '../../src/synth/timed.js';
import { launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';

/** Strings an attacker controls in traffic, each of which would run script if a report used it as markup. */
const HOST = '<script>window.pwned=1</script>';
const URI = '/search?q=<img/src=x/onerror=window.pwned=2;alert(2)>';
const AGENT = '<img src=x onerror="window.pwned=3;alert(3)"><script>alert(4)</script>';
const NAME = '</script><script>window.pwned=5</script>';
const SNI = '<svg onload=window.pwned=6>';

const ip = (s: string) => new Uint8Array(s.split('.').map(Number));
const mac = (n: number) => new Uint8Array([2, 0, 0, 0, 0, n]);
const victim: Endpoint = { ip: ip('10.20.0.5'), mac: mac(5), port: 0 };
const server: Endpoint = { ip: ip('198.51.100.77'), mac: mac(1), port: 80 };
const resolver: Endpoint = { ip: ip('10.20.0.2'), mac: mac(2), port: 53 };
const T0 = Date.UTC(2026, 10, 21, 9, 0, 0) * 1000;

/** Twenty-five hostile HTTP check-ins a minute apart, DNS lookups of a hostile name, one hostile TLS hello. */
function hostileTraffic(): Generator<TimedFrame> {
  const rng = new Prng(3);
  const streams: Iterable<TimedFrame>[] = [];
  for (let i = 0; i < 25; i++) {
    streams.push(timed(T0 + i * 60e6, 20_000, tcpSession({ ...victim, port: 40000 + i }, server, [
      { fromClient: true, data: httpRequest(HOST, URI, AGENT) },
      { fromClient: false, data: concat([httpResponseHead(200, 'text/html', 2), new Uint8Array([0x6f, 0x6b])]) },
    ], 'fin', undefined, 100 + i)));
    const q = dnsQuery(0x100 + i, `${NAME}.example`);
    streams.push(timed(T0 + i * 60e6 - 1e6, 500, [{ src: { ...victim, port: 50000 + i }, dst: resolver, proto: 17, payload: q },
      { src: resolver, dst: { ...victim, port: 50000 + i }, proto: 17, payload: dnsResponse(q, [server.ip], 60) }]));
  }
  streams.push(timed(T0 + 30e6, 1000, tcpSession({ ...victim, port: 45000 }, { ...server, port: 443 }, [
    { fromClient: true, data: tlsClientHello(rng, SNI) }, { fromClient: false, data: tlsServerHello(rng) },
  ], 'fin', undefined, 900)));
  return mergeByTime(streams);
}

const work = mkdtempSync(join(tmpdir(), 'tracer-report-xss-'));
const db = join(work, 'hostile.duckdb');
const out = join(work, 'report');
let browser: Browser;
let report: OpenedReport;

beforeAll(async () => {
  const pcap = new PcapFileWriter(join(work, 'hostile.pcap'));
  for (const { tsMicros, frame } of hostileTraffic()) {
    const { buf, offset } = pcap.reserve(1600);
    pcap.commit(tsMicros, writeFrame(buf, offset, frame));
  }
  pcap.close();
  for (const args of [['ingest', '--db', db, '--quiet', join(work, 'hostile.pcap')], ['detect', '--db', db], ['report', '--db', db, '--out', out]]) {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
  }
  browser = await launchChromium();
  report = await openReport(browser, join(out, 'report.html'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a report of traffic carrying script and HTML payloads', () => {
  it('carries the payloads into the report (the test is not vacuous)', () => {
    const json = readFileSync(join(out, 'report.json'), 'utf8');
    for (const s of [HOST, AGENT, NAME]) expect(json.includes(JSON.stringify(s).slice(1, -1))).toBe(true);
    const alerts = JSON.parse(json).anomalies.rows as Array<{ detector: string; dst: string[]; explanation: string }>;
    expect(alerts.some((a) => a.dst.includes(HOST) || a.explanation.includes(HOST))).toBe(true);
  });

  it('runs none of them: no dialog, no window.pwned, no error, no request, no policy violation', async () => {
    expect(report.dialogs).toEqual([]);
    expect(await report.page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(report.violations).toEqual([]);
  });

  it('adds no element or handler from the data to the page', async () => {
    const dom = await report.page.evaluate(() => ({
      scripts: document.scripts.length,
      imgs: document.querySelectorAll('img').length,
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    }));
    expect(dom).toEqual({ scripts: 4, imgs: 0, handlers: 0 });
  });

  it('shows each payload as text, in the tables, the timeline and the anomalies', async () => {
    const page = report.page;
    await page.locator('#tops').scrollIntoViewIfNeeded();
    const tops = await page.locator('#tops').innerText();
    for (const s of [HOST, AGENT, `${NAME}.example`, SNI]) expect(tops).toContain(s);
    await page.locator('#anomaly-filters input').fill('pwned');
    expect(await page.locator('#anomaly-table tbody').innerText()).toContain(HOST);
    expect(await page.locator('#timeline-table').innerText()).toContain(HOST);
  });

  it('keeps them inert in report.md and the SVG charts', () => {
    const md = readFileSync(join(out, 'report.md'), 'utf8').replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(md).not.toMatch(/<script|<img|<svg/i);
    for (const f of readdirSync(join(out, 'charts'))) expect(readFileSync(join(out, 'charts', f), 'utf8').slice(4)).not.toMatch(/<script|<img|<svg/i);
  });
});
