import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SocketScanner, type LiveSocket } from './socket-scan.js';

describe('SocketScanner', () => {
  it('reports both ends of a loopback connection at birth and at death', async () => {
    const accepted: Socket[] = [];
    const server = createServer((s) => accepted.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const scanner = new SocketScanner();
    const births: LiveSocket[] = [];
    const deaths: LiveSocket[] = [];
    scanner.poll(100, births, deaths);
    const client = await new Promise<Socket>((r) => { const s = connect(port, '127.0.0.1', () => r(s)); });
    while (accepted.length === 0) await new Promise((r) => setTimeout(r, 5));
    scanner.poll(101, births, deaths);
    const ends = births.filter((b) => b.remotePort === port || b.localPort === port);
    expect(ends.map((b) => [b.direction, b.proto, b.family, b.localAddr, b.remoteAddr, b.state, b.prevPoll, b.firstSeen]).sort()).toEqual([
      ['in', 'tcp', 4, '127.0.0.1', '127.0.0.1', 'ESTABLISHED', 100, 101],
      ['out', 'tcp', 4, '127.0.0.1', '127.0.0.1', 'ESTABLISHED', 100, 101],
    ]);
    expect(ends.find((b) => b.direction === 'out')!.localPort).toBe(client.localPort);
    client.destroy();
    accepted[0].destroy();
    server.close();
    await new Promise((r) => setTimeout(r, 20));
    scanner.poll(102, births, deaths);
    expect(deaths.filter((d) => ends.some((e) => e.inode === d.inode)).map((d) => d.lastSeen)).toEqual([101, 101]);
  });
});
