import { readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { socketInode, SocketOwners } from './socket-owners.js';

describe('SocketOwners', () => {
  it('finds the process holding a socket inode', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const fd = (server as unknown as { _handle: { fd: number } })._handle.fd;
    const inode = socketInode(readlinkSync(`/proc/self/fd/${fd}`));
    const wanted = new Set([inode, 2 ** 40]);
    const found = new Map<number, number>();
    const owners = new SocketOwners();
    const stats = owners.search(wanted, found);
    server.close();
    expect(found.get(inode)).toBe(process.pid);
    expect([...wanted]).toEqual([2 ** 40]);
    expect(stats.examinedProcesses).toBeGreaterThan(0);
  });

  it('parses only socket links', () => {
    expect(socketInode('socket:[12345]')).toBe(12345);
    expect(socketInode('pipe:[12345]')).toBe(0);
    expect(socketInode('socket:[x]')).toBe(0);
  });
});
