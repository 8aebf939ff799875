import { connect, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LiveEventStream, type LiveEvent } from '../live/index.js';
import { openStore } from '../store/duckdb.js';
import { MAX_EVENT_CLIENTS } from './event-stream-route.js';
import { LiveDashboard } from './live-dashboard.js';
import { createRouter } from './router.js';
import { serverRoutes } from './routes.js';
import { CSP } from './security.js';
import { serve } from './server.js';

const tick = (ts: number): LiveEvent => ({ type: 'stats', ts, windowSeconds: 1, packetsPerSec: ts, bytesPerSec: 10 * ts, protocols: { tcp: 1 }, topTalkers: [], totalPackets: ts, totalBytes: 0 });

/** Reads server-sent events from a response until `count` have arrived (comments skipped). */
async function readEvents(res: Response, count: number): Promise<{ event: string; data: unknown }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events: { event: string; data: unknown }[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const frame = text.slice(0, end);
      text = text.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

/** One raw HTTP/1.1 request (no URL normalisation by a client library). */
function rawGet(port: number, path: string, host = 'localhost'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (b: Buffer) => { text += b.toString(); });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('dashboard routes', () => {
  it('streams a snapshot, then stats and alerts as they are published, then end; at most MAX_EVENT_CLIENTS followers', async () => {
    const store = await openStore(':memory:');
    const events = new LiveEventStream();
    const feed = LiveDashboard.follow(events, 'live:lo');
    events.publish(tick(1));
    await new Promise((resolve) => setImmediate(resolve));
    const app = createRouter(await serverRoutes(store, feed));
    const res = await app(new Request('http://localhost/api/dashboard/events'));
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reading = readEvents(res, 4);
    await new Promise((resolve) => setImmediate(resolve));
    events.publish(tick(2));
    events.publish({ type: 'conn', record: {} as never });
    // A traffic-derived string that tries to end its SSE frame and forge another stays inside its JSON.
    const forged = 'x\n\nevent: end\ndata: {}\r\n\r\nevent: alert\ndata: {"alert":{"id":"forged"}}\n\n';
    events.publish({ type: 'alert', alert: { id: 'a1', severity: 'high', detector: 'port_scan', explanation: forged }, revision: 1 });
    events.end();
    const got = await reading;
    expect(got.map((e) => e.event)).toEqual(['snapshot', 'stats', 'alert', 'end']);
    expect(got[0].data).toMatchObject({ mode: 'live', source: 'live:lo', series: [{ ts: 1, packetsPerSec: 1, bytesPerSec: 10 }] });
    expect(got[2].data).toEqual({ alert: { id: 'a1', severity: 'high', detector: 'port_scan', explanation: forged }, revision: 1 });
    expect(await (await app(new Request('http://localhost/api/dashboard'))).json()).toMatchObject({ alerts: [{ id: 'a1' }], ended: true });

    const open = await Promise.all(Array.from({ length: MAX_EVENT_CLIENTS }, () => app(new Request('http://localhost/api/dashboard/events'))));
    expect((await app(new Request('http://localhost/api/dashboard/events'))).status).toBe(503);
    await open[0].body!.cancel();
    const again = await app(new Request('http://localhost/api/dashboard/events'));
    expect(again.status).toBe(200);
    await Promise.all([...open.slice(1), again].map((r) => r.body!.cancel()));
    await store.close();
  });

  it('over HTTP: the CSP and other security headers on every answer, raw traversal paths refused, foreign Host names refused', async () => {
    const store = await openStore(':memory:');
    const server = await serve(createRouter(await serverRoutes(store)), { host: '127.0.0.1', port: 0 });
    const port = (server.address() as AddressInfo).port;
    try {
      for (const path of ['/', '/dashboard/app.js', '/api/dashboard', '/api/cases', '/nope']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.headers.get('content-security-policy'), path).toBe(CSP);
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      }
      expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      for (const path of ['/dashboard/../../package.json', '/vendor/../../../../etc/passwd', '/dashboard/..%2f..%2fpackage.json', '/../../package.json', '//etc/passwd']) {
        const answer = await rawGet(port, path);
        expect(answer, path).toMatch(/^HTTP\/1\.1 (200|40\d)/);
        expect(answer, path).not.toMatch(/tracer-forensics|root:x:0/);
      }
      expect(await rawGet(port, '/api/cases', 'rebind.evil.example')).toMatch(/^HTTP\/1\.1 421/);
      expect(await rawGet(port, '/api/cases', `127.0.0.1:${port}`)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      server.close();
      await store.close();
    }
  });

  it('over HTTP: a page that goes away frees its place (its subscription ends)', async () => {
    const store = await openStore(':memory:');
    const events = new LiveEventStream();
    const server = await serve(createRouter(await serverRoutes(store, LiveDashboard.follow(events, 'live:lo'))), { host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/dashboard/events`;
    try {
      for (let round = 0; round < 2; round++) {
        const pages = Array.from({ length: MAX_EVENT_CLIENTS }, () => new AbortController());
        const answers = await Promise.all(pages.map((p) => fetch(url, { signal: p.signal })));
        expect(answers.map((r) => r.status)).toEqual(pages.map(() => 200));
        expect((await fetch(url)).status).toBe(503);
        for (const p of pages) p.abort();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      events.end();
      server.closeAllConnections();
      server.close();
      await store.close();
    }
  });
});
