import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mispEnricher } from './rest-search.js';

// A local stand-in answering like MISP's /attributes/restSearch (JSON returnFormat).
let server: Server;
let requests: Array<{ auth: string | undefined; body: Record<string, unknown> }> = [];
let base = '';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => { let s = ''; req.on('data', (c) => { s += c; }); req.on('end', () => resolve(s)); });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req));
    requests.push({ auth: req.headers.authorization, body });
    if (req.url !== '/attributes/restSearch' || req.method !== 'POST') { res.writeHead(404).end(); return; }
    if (body.value === 'fail.example') { res.writeHead(500).end('{"message":"boom"}'); return; }
    const attributes = body.value === 'evil.example'
      ? [{ id: '1', event_id: '42', type: 'domain', category: 'Network activity', to_ids: true, uuid: 'u-1', value: 'evil.example', comment: 'C2', Event: { id: '42', info: 'Test campaign' } }]
      : [];
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ response: { Attribute: attributes } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('mispEnricher', () => {
  it('asks restSearch with the key, maps attributes, and caches hits and misses within the TTL', async () => {
    requests = [];
    let now = 0;
    const misp = mispEnricher({ url: base, key: 'secret', cacheEntries: 10, cacheTtlMs: 1000, toIdsOnly: true, now: () => now });
    const first = await misp.enrich('url', 'evil.example');
    expect(first).toEqual([{ category: 'misp', indicator: 'evil.example', context: { type: 'domain', category: 'Network activity', to_ids: true, comment: 'C2', event_id: '42', 'event.info': 'Test campaign', uuid: 'u-1' } }]);
    expect(await misp.enrich('url', 'evil.example')).toEqual(first);
    expect(await misp.enrich('ip', '192.0.2.1')).toEqual([]);
    expect(await misp.enrich('ip', '192.0.2.1')).toEqual([]);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toEqual({ auth: 'secret', body: { returnFormat: 'json', value: 'evil.example', limit: 50, to_ids: true } });
    now = 1001;
    await misp.enrich('url', 'evil.example');
    expect(requests).toHaveLength(3);
  });
  it('shares one request between concurrent lookups and does not cache failures', async () => {
    requests = [];
    const misp = mispEnricher({ url: base + '/', key: 'k', cacheEntries: 10, cacheTtlMs: 1000, toIdsOnly: false });
    await Promise.all([misp.enrich('url', 'evil.example'), misp.enrich('url', 'evil.example')]);
    expect(requests).toHaveLength(1);
    await expect(misp.enrich('url', 'fail.example')).rejects.toThrow('MISP answered HTTP 500');
    await expect(misp.enrich('url', 'fail.example')).rejects.toThrow('MISP answered HTTP 500');
    expect(requests).toHaveLength(3);
  });
});
