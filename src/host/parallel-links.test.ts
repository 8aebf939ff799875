import { readdirSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { readLinksInParallel } from './parallel-links.js';
import { readSocketInode } from './socket-inode.js';

describe('readLinksInParallel', () => {
  it('gives the same socket inodes as reading each link in turn, 0 for other and closed descriptors', async () => {
    const sockets: Socket[] = [];
    const server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await Promise.all(Array.from({ length: 150 }, () => new Promise<void>((r) => { const s = connect(port, '127.0.0.1', () => r()); sockets.push(s); })));
    const dir = '/proc/self/fd';
    const names = [...readdirSync(dir), '999999'];
    const inodes = readLinksInParallel(dir, names);
    const expected = names.map((n) => readSocketInode(`${dir}/${n}`));
    for (const s of sockets) s.destroy();
    server.close();
    expect(inodes).not.toBeNull();
    expect([...inodes!]).toEqual(expected);
    expect(expected.filter((i) => i > 0).length).toBeGreaterThan(150);
    expect(inodes![names.length - 1]).toBe(0);
  });
});
