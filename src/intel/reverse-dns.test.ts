import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reverseDns } from './reverse-dns.js';
import { startPtrServer, type PtrServer } from './testing/ptr-server.js';

// A loopback DNS server: answers PTR for 192.0.2.7 with host.example, stays silent for 192.0.2.99.
let server: PtrServer;
let port = 0;
const queries = () => server.queries();

beforeAll(async () => {
  server = await startPtrServer((qname) => (qname.startsWith('99.') ? null : 'host.example'));
  port = server.port;
});
afterAll(() => server.close());

describe('reverseDns', () => {
  it('resolves PTR names and caches them', async () => {
    const start = queries();
    const lookup = reverseDns({ servers: [`127.0.0.1:${port}`], timeoutMs: 500, cacheEntries: 10, cacheTtlMs: 60_000 });
    expect(await Promise.all([lookup('192.0.2.7'), lookup('192.0.2.7')])).toEqual([['host.example'], ['host.example']]);
    expect(await lookup('192.0.2.7')).toEqual(['host.example']);
    expect(queries() - start).toBe(1);
    expect(await lookup('not-an-ip')).toEqual([]);
  });
  it('gives up after the timeout with no names, and remembers that', async () => {
    const lookup = reverseDns({ servers: [`127.0.0.1:${port}`], timeoutMs: 200, cacheEntries: 10, cacheTtlMs: 60_000 });
    const started = Date.now();
    expect(await lookup('192.0.2.99')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    const before = queries();
    expect(await lookup('192.0.2.99')).toEqual([]);
    expect(queries()).toBe(before);
  });
});
