import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('skips a table sockstat counts empty, unless it held connections at the last poll', () => {
    const root = mkdtempSync(join(tmpdir(), 'socket-scan-'));
    const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    const v6 = '   0: 00000000000000000000000001000000:0016 B80D0120000000000000000001000000:C350 01 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 20 4 30 10 -1\n';
    const write = (tcp6: string, tcp6InUse: number): void => {
      mkdirSync(join(root, 'net'), { recursive: true });
      for (const table of ['tcp', 'udp', 'udp6']) writeFileSync(join(root, 'net', table), header);
      writeFileSync(join(root, 'net', 'tcp6'), header + tcp6);
      writeFileSync(join(root, 'net', 'sockstat'), 'TCP: inuse 0 orphan 0 tw 0 alloc 0 mem 0\nUDP: inuse 0 mem 0\n');
      writeFileSync(join(root, 'net', 'sockstat6'), `TCP6: inuse ${tcp6InUse}\nUDP6: inuse 0\n`);
    };
    const scanner = new SocketScanner(root);
    const births: LiveSocket[] = [];
    const deaths: LiveSocket[] = [];
    const poll = (now: number): number[][] => { scanner.poll(now, births, deaths); return [births.map((b) => b.inode), deaths.map((d) => d.inode)]; };
    try {
      write(v6, 0);
      expect(poll(1)).toEqual([[], []]);
      write(v6, 1);
      expect(poll(2)).toEqual([[4242], []]);
      write(v6, 0);
      expect(poll(3)).toEqual([[], []]);
      write('', 0);
      expect(poll(4)).toEqual([[], [4242]]);
      write(v6, 0);
      expect(poll(5)).toEqual([[], []]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
