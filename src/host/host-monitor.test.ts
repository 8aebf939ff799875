import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeys } from './host-key.js';
import { HostMonitor, type PollReport } from './host-monitor.js';

const keys = deriveKeys(Buffer.alloc(32, 3));
const T0 = 1_800_000_000;
let server: Server;
let port = 0;
const accepted: Socket[] = [];
const children: ChildProcess[] = [];
let cwd = '';

beforeAll(async () => {
  cwd = realpathSync(mkdtempSync(join(tmpdir(), 'host-monitor-')));
  server = createServer((s) => { accepted.push(s); s.on('error', () => undefined); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterEach(() => { for (const c of children.splice(0)) c.kill('SIGKILL'); });
afterAll(async () => {
  for (const s of accepted) s.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(cwd, { recursive: true, force: true });
});

/** Spawns `argv` in the test directory with a known environment. */
function start(argv: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
  children.push(child);
  return child;
}

/** Resolves once the server has accepted `target` connections in all (or after 2 s). */
async function acceptedReach(target: number): Promise<void> {
  for (let i = 0; i < 200 && accepted.length < target; i++) await new Promise((r) => setTimeout(r, 10));
}

/** The outbound birth owned by `pid` in a poll report. */
function birthOf(report: PollReport, pid: number) {
  return report.births.find((b) => b.pid === pid && b.direction === 'out' && b.remote_p === port);
}

/** SHA-256 of an environment block as the kernel stores it (NAME=value NUL …). */
function envHash(env: Record<string, string>): string {
  return createHash('sha256').update(Object.entries(env).map(([k, v]) => `${k}=${v}\0`).join('')).digest('hex');
}

const ENV = { PATH: '/usr/bin:/bin', TRACER_TEST: 'monitor' };

describe('HostMonitor with real processes', () => {
  it('certifies a bash /dev/tcp connection with its command line, lineage, cwd and environment hash', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    const script = `exec 3<>/dev/tcp/127.0.0.1/${port}; sleep 30; :`;
    const target = accepted.length + 1;
    const child = start(['/bin/bash', '-c', script], ENV);
    await acceptedReach(target);
    const report = monitor.poll(T0 + 1);
    const cert = birthOf(report, child.pid!);
    expect(cert).toMatchObject({ name: 'bash', argv: ['/bin/bash', '-c', script], cwd, env_sha256: envHash(ENV), exe: '/usr/bin/bash', ppid: process.pid, proto: 'tcp', local_h: '127.0.0.1', remote_net: '127.0.0.0/24', ts: T0 + 1, prev_poll: T0 });
    expect(Math.abs(cert!.start_time - Date.now() / 1000)).toBeLessThan(30);
    expect(cert!.ancestry[0]).toMatch(new RegExp(`^${child.pid}:bash:\\d+$`));
    expect(cert!.ancestry[1]).toMatch(new RegExp(`^${process.pid}:`));
    expect(cert!.ancestry.at(-1)).toMatch(/^1:/);
    expect(cert!.exe_sha256).toBe(createHash('sha256').update(readFileSync('/usr/bin/bash')).digest('hex'));
    expect(cert!.risk_reasons).toEqual(expect.arrayContaining(['shell_owns_socket', 'dev_tcp', 'shell_without_tty']));
    expect(cert!.risk).toBeGreaterThanOrEqual(90);
    const inbound = report.births.find((b) => b.pid === process.pid && b.direction === 'in' && b.local_p === port);
    expect(inbound).toBeDefined();
  });

  it('certifies an interpreter one-liner and marks a reverse-shell idiom', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    const code = `import socket,os,time; s=socket.socket(); s.connect(("127.0.0.1",${port})); os.dup2(s.fileno(),9); time.sleep(30)`;
    const target = accepted.length + 1;
    const child = start(['/usr/bin/python3.11', '-c', code], ENV);
    await acceptedReach(target);
    const cert = birthOf(monitor.poll(T0 + 1), child.pid!);
    expect(cert).toMatchObject({ name: 'python3.11', argv: ['/usr/bin/python3.11', '-c', code], cwd, env_sha256: envHash(ENV) });
    expect(cert!.risk_reasons).toEqual(expect.arrayContaining(['interpreter_owns_socket', 'reverse_shell_pattern']));
  });

  it('records the lifetime of a long-lived connection and flags it at death', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    const target = accepted.length + 1;
    const child = start(['/bin/bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port}; read line`], ENV);
    await acceptedReach(target);
    const inode = birthOf(monitor.poll(T0 + 1), child.pid!)!.inode;
    monitor.poll(T0 + 3601);
    child.stdin!.end('done\n');
    await new Promise((r) => child.on('exit', r));
    const death = monitor.poll(T0 + 3602).deaths.find((d) => d.inode === inode);
    expect(death).toMatchObject({ pid: child.pid, first_seen: T0 + 1, last_seen: T0 + 3601, duration_min: 3600, duration_max: 3602 });
    expect(death!.risk_reasons).toContain('long_lived');
  });

  it('calls regular births of a program periodic and a background service, across new processes', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    const certs = [];
    for (let i = 1; i <= 5; i++) {
      const target = accepted.length + 1;
      const child = start(['/bin/bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port}; sleep 30; :`], ENV);
      await acceptedReach(target);
      certs.push(birthOf(monitor.poll(T0 + 60 * i), child.pid!)!);
    }
    expect(new Set(certs.map((c) => c.pid)).size).toBe(5);
    expect(certs.map((c) => c.risk_reasons.includes('periodic_births'))).toEqual([false, false, false, true, true]);
    expect(certs[4].purpose).toBe('background_service');
  });

  it('calls a connection from a terminal a user action', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    const target = accepted.length + 1;
    start(['/usr/bin/script', '-qc', `/bin/bash -c 'exec 3<>/dev/tcp/127.0.0.1/${port}; sleep 30; :'`, '/dev/null'], ENV);
    await acceptedReach(target);
    const cert = monitor.poll(T0 + 1).births.find((b) => b.name === 'bash' && b.direction === 'out' && b.remote_p === port);
    expect(cert).toMatchObject({ purpose: 'user_action', tty: expect.stringMatching(/^pts\/\d+$/) });
  });

  it('flags a download tool run by a shell that a web server started', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    symlinkSync('/bin/bash', join(cwd, 'nginx'));
    const target = accepted.length + 1;
    start([join(cwd, 'nginx'), '-c', `/bin/bash -c '/usr/bin/curl -s -m 30 http://127.0.0.1:${port}/; :'; :`], ENV);
    await acceptedReach(target);
    const cert = monitor.poll(T0 + 1).births.find((b) => b.name === 'curl' && b.direction === 'out' && b.remote_p === port);
    expect(cert!.ancestry.slice(0, 3).map((a) => a.split(':')[1])).toEqual(['curl', 'bash', 'nginx']);
    expect(cert!.risk_reasons).toEqual(['lolbin_from_shell_under_service', 'lolbin_from_shell', 'service_spawned_shell']);
  });

  it('estimates a burst of connections born and dead between two polls', async () => {
    const monitor = new HostMonitor(keys, null);
    monitor.poll(T0);
    const target = accepted.length + 5;
    const child = start(['/bin/bash', '-c', `for i in 1 2 3 4 5; do exec 3<>/dev/tcp/127.0.0.1/${port}; exec 3>&-; done`], ENV);
    await new Promise((r) => child.on('exit', r));
    await acceptedReach(target);
    for (const s of accepted) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const report = monitor.poll(T0 + 1);
    expect(report.births.filter((b) => b.pid === child.pid)).toEqual([]);
    expect(report.unseenTcp).toBeGreaterThanOrEqual(10);
  });
});
