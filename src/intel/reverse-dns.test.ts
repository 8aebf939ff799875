import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reverseDns } from './reverse-dns.js';

// A loopback DNS server: answers PTR for 192.0.2.7 with host.example, stays silent for 192.0.2.99.
let server: Socket;
let port = 0;
let queries = 0;

function encodeName(name: string): Buffer {
  return Buffer.concat([...name.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])]);
}

beforeAll(async () => {
  server = createSocket('udp4');
  server.on('message', (query, peer) => {
    queries++;
    let end = 12;
    while (query[end] !== 0) end += query[end] + 1;
    const question = query.subarray(12, end + 5);
    const name = question.subarray(0, end - 11);
    if (name.includes(Buffer.from('99'))) return;
    const header = Buffer.from(query.subarray(0, 12));
    header.writeUInt16BE(0x8180, 2);
    header.writeUInt16BE(1, 6);
    const rdata = encodeName('host.example');
    const answer = Buffer.concat([Buffer.from([0xc0, 0x0c, 0, 12, 0, 1, 0, 0, 0, 60]), Buffer.from([0, rdata.length]), rdata]);
    server.send(Buffer.concat([header, question, answer]), peer.port, peer.address);
  });
  await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

describe('reverseDns', () => {
  it('resolves PTR names and caches them', async () => {
    queries = 0;
    const lookup = reverseDns({ servers: [`127.0.0.1:${port}`], timeoutMs: 500, cacheEntries: 10, cacheTtlMs: 60_000 });
    expect(await Promise.all([lookup('192.0.2.7'), lookup('192.0.2.7')])).toEqual([['host.example'], ['host.example']]);
    expect(await lookup('192.0.2.7')).toEqual(['host.example']);
    expect(queries).toBe(1);
    expect(await lookup('not-an-ip')).toEqual([]);
  });
  it('gives up after the timeout with no names, and remembers that', async () => {
    const lookup = reverseDns({ servers: [`127.0.0.1:${port}`], timeoutMs: 200, cacheEntries: 10, cacheTtlMs: 60_000 });
    const started = Date.now();
    expect(await lookup('192.0.2.99')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    const before = queries;
    expect(await lookup('192.0.2.99')).toEqual([]);
    expect(queries).toBe(before);
  });
});
