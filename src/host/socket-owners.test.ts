import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { socketInode } from './socket-inode.js';
import { SocketOwners } from './socket-owners.js';

let server: Server;
let port = 0;
const accepted: Socket[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = createServer((s) => { accepted.push(s); s.on('error', () => undefined); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterEach(() => { for (const c of children.splice(0)) c.kill('SIGKILL'); });
afterAll(async () => {
  for (const s of accepted) s.destroy();
  await new Promise((r) => server.close(r));
});

/** Resolves once the server has accepted `target` connections (or after 2 s). */
async function acceptedReach(target: number): Promise<void> {
  for (let i = 0; i < 200 && accepted.length < target; i++) await new Promise((r) => setTimeout(r, 10));
}

/** Socket inode behind descriptor `fd` of `pid`, 0 when it is not a socket (or gone). */
function inodeAt(pid: number, fd: number): number {
  try {
    return socketInode(readlinkSync(`/proc/${pid}/fd/${fd}`));
  } catch {
    return 0;
  }
}

/** Waits until descriptor `fd` of `pid` holds a socket other than `not`, and returns its inode. */
async function socketAt(pid: number, fd: number, not = 0): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const inode = inodeAt(pid, fd);
    if (inode > 0 && inode !== not) return inode;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no new socket at /proc/${pid}/fd/${fd}`);
}

describe('SocketOwners', () => {
  it('finds the process holding a socket inode', async () => {
    const listener = createServer();
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const fd = (listener as unknown as { _handle: { fd: number } })._handle.fd;
    const inode = inodeAt(process.pid, fd);
    const wanted = new Set([inode, 2 ** 40]);
    const found = new Map<number, number>();
    const stats = new SocketOwners().search(wanted, found);
    listener.close();
    expect(found.get(inode)).toBe(process.pid);
    expect([...wanted]).toEqual([2 ** 40]);
    expect(stats.examinedProcesses).toBeGreaterThan(0);
  });

  it('finds a new connection of a process whose other connections are known and alive', async () => {
    const clients: Socket[] = [];
    const open = (): Promise<Socket> => new Promise((r) => { const s = connect(port, '127.0.0.1', () => r(s)); clients.push(s); });
    for (let i = 0; i < 100; i++) await open();
    await acceptedReach(100);
    const alive = new Set(readdirSync('/proc/self/fd').map((fd) => inodeAt(process.pid, Number(fd))).filter((inode) => inode > 0));
    const owners = new SocketOwners();
    const first = new Map<number, number>();
    owners.search(new Set(alive), first);
    expect(first.size).toBe(alive.size);
    const fresh = await open();
    const inode = inodeAt(process.pid, (fresh as unknown as { _handle: { fd: number } })._handle.fd);
    alive.add(inode);
    const found = new Map<number, number>();
    const stats = owners.search(new Set([inode]), found, alive);
    for (const s of clients) s.destroy();
    expect(found.get(inode)).toBe(process.pid);
    expect(stats.examinedProcesses).toBeGreaterThan(0);
  });

  it('finds a new socket on a reused descriptor while the old socket lives on in a child', async () => {
    const script = `exec 3<>/dev/tcp/127.0.0.1/${port}; read go; sleep 5 & exec 3>&-; exec 3<>/dev/tcp/127.0.0.1/${port}; read stop`;
    const shell = spawn('/bin/bash', ['-c', script], { stdio: ['pipe', 'ignore', 'ignore'] });
    children.push(shell);
    const pid = shell.pid!;
    const before = await socketAt(pid, 3);
    const owners = new SocketOwners();
    const first = new Map<number, number>();
    owners.search(new Set([before]), first, new Set([before]));
    expect(first.get(before)).toBe(pid);
    shell.stdin!.write('go\n');
    await acceptedReach(2);
    const after = await socketAt(pid, 3, before);
    const found = new Map<number, number>();
    owners.search(new Set([after]), found, new Set([before, after]));
    shell.stdin!.end();
    expect(found.get(after)).toBe(pid);
    const heldByChild = new Map<number, number>();
    new SocketOwners().search(new Set([before]), heldByChild);
    expect(heldByChild.get(before)).not.toBe(pid);
    expect(heldByChild.get(before)).toBeGreaterThan(0);
  });

  it('reads only descriptors not known to hold a live connection, and known ones whose socket is also held elsewhere last', () => {
    const root = mkdtempSync(join(tmpdir(), 'socket-owners-'));
    const link = (pid: number, fd: number, target: string): void => {
      mkdirSync(join(root, String(pid), 'fd'), { recursive: true });
      rmSync(join(root, String(pid), 'fd', String(fd)), { force: true });
      symlinkSync(target, join(root, String(pid), 'fd', String(fd)));
    };
    try {
      for (let fd = 0; fd < 300; fd++) link(100, fd, `socket:[${1000 + fd}]`);
      for (let fd = 0; fd < 3; fd++) link(200, fd, `pipe:[${9000 + fd}]`);
      const owners = new SocketOwners(root);
      const alive = new Set(Array.from({ length: 300 }, (_, fd) => 1000 + fd));
      const first = new Map<number, number>();
      expect(owners.search(new Set(alive), first).linksRead).toBe(300);
      expect(first.size).toBe(300);
      link(100, 300, 'socket:[5000]');
      alive.add(5000);
      const added = new Map<number, number>();
      expect(owners.search(new Set([5000]), added, alive)).toMatchObject({ linksRead: 1 });
      expect(added.get(5000)).toBe(100);
      link(300, 0, 'socket:[1007]');
      link(100, 7, 'socket:[6000]');
      alive.add(6000);
      const reused = new Map<number, number>();
      owners.search(new Set([6000]), reused, alive);
      expect(reused.get(6000)).toBe(100);
      const gone = owners.search(new Set([7777]), new Map(), alive);
      expect(gone.linksRead).toBeLessThan(10);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('parses only socket links', () => {
    expect(socketInode('socket:[12345]')).toBe(12345);
    expect(socketInode('pipe:[12345]')).toBe(0);
    expect(socketInode('socket:[x]')).toBe(0);
    expect(socketInode('socket:[]')).toBe(0);
    expect(socketInode('socket:[12a]')).toBe(0);
    expect(socketInode('/tmp/socket:[1]')).toBe(0);
  });
});
