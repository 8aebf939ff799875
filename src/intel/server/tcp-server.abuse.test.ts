import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../index/build-index.js';
import { IntelIndex } from '../index/intel-index.js';
import { TestClient, testServer } from '../testing/test-server.js';

let server: Awaited<ReturnType<typeof testServer>>;
const index = new IntelIndex(buildIndex([{
  options: { name: 'bad-ips', parentDomains: false, allowlist: false },
  indicators: [{ kind: 'ip', value: '203.0.113.7', context: { why: 'test' }, validFrom: 0, validUntil: 0 }],
  problems: [],
}]).sections);
const MATCH = 'Category=bad-ips|MatchedIndicator=203.0.113.7|why=test';

beforeAll(async () => {
  server = await testServer([index], { limits: { maxLineBytes: 4096, lineMs: 1000, maxConnections: 50 } });
});
afterAll(() => server.close());

async function stillServes(): Promise<void> {
  const client = await TestClient.open(server.address.port);
  client.send('ip=203.0.113.7\n');
  expect(await client.finished(1)).toEqual([MATCH, 'LookupFinished']);
  client.socket.destroy();
}

describe('intel server under hostile input', () => {
  it('answers garbage bytes line by line and keeps serving', async () => {
    const client = await TestClient.open(server.address.port);
    const garbage = Buffer.concat([randomBytes(20_000).map((b) => (b === 10 ? 0 : b)), Buffer.from('\n\xff\xfe|=|ip=\x00\n\n\nip=203.0.113.7\n', 'latin1')]);
    client.send(garbage);
    const lines = await client.finished(3);
    expect(lines.filter((l) => l === 'LookupFinished')).toHaveLength(3);
    expect(lines).toContain(MATCH);
    client.socket.destroy();
    await stillServes();
  });

  it('drops a 100 MB line without buffering it, answers it, and answers the next event', async () => {
    const client = await TestClient.open(server.address.port);
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const megabyte = Buffer.alloc(1 << 20, 0x61);
    let peak = 0;
    for (let i = 0; i < 100; i++) {
      if (!client.socket.write(megabyte)) await new Promise((r) => client.socket.once('drain', r));
      for (const c of server.connections) peak = Math.max(peak, (c as unknown as { splitter: { bufferedBytes: number } }).splitter.bufferedBytes);
    }
    client.send('\nip=203.0.113.7\n');
    expect(await client.finished(2)).toEqual(['LookupFinished', MATCH, 'LookupFinished']);
    expect(peak).toBeLessThanOrEqual(4096);
    const growth = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
    expect(growth).toBeLessThan(64 * 1024 * 1024);
    await new Promise((r) => setImmediate(r));
    expect(server.logLines.some((l) => /"code":"line_too_long".*"bytes":104857600/.test(l))).toBe(true);
    client.socket.destroy();
  });

  it('closes a connection whose line trickles in past the line deadline, after answering its complete events', async () => {
    const client = await TestClient.open(server.address.port);
    client.send('X-KF-ReplyBack\nip=203.0.113.7\n');
    const started = Date.now();
    const trickle = setInterval(() => { if (!client.closed) client.send('i'); }, 100);
    await client.closedByServer();
    clearInterval(trickle);
    const elapsed = Date.now() - started;
    expect(client.received).toBe(`${MATCH}\nLookupFinished\n`);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3000);
    await stillServes();
  });

  it('survives clients that disconnect in the middle of a long answer', async () => {
    for (let round = 0; round < 5; round++) {
      const client = await TestClient.open(server.address.port);
      client.send('ip=203.0.113.7\n'.repeat(20_000));
      await new Promise((r) => setTimeout(r, 5));
      client.socket.destroy();
    }
    await stillServes();
  });

  it('refuses connections beyond the limit and keeps serving the others', async () => {
    const clients = await Promise.all(Array.from({ length: 50 }, () => TestClient.open(server.address.port)));
    await new Promise((r) => setTimeout(r, 50));
    const extra = await TestClient.open(server.address.port);
    await extra.closedByServer();
    expect(server.context.metrics.connectionsRefused).toBeGreaterThanOrEqual(1);
    clients[0].send('ip=203.0.113.7\n');
    expect(await clients[0].finished(1)).toEqual([MATCH, 'LookupFinished']);
    for (const c of clients) c.socket.destroy();
  });
});
