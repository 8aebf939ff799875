import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/duckdb.js';
import { runCli } from '../../test/helpers/cli.js';
import { projectRoot } from '../../test/helpers/corpus.js';

let dir = '';
let keyDir = '';
let server: Server;
let port = 0;
const sockets: Socket[] = [];
const logPath = () => join(dir, 'births.ndjson');
const keyFile = () => join(keyDir, 'host.key');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
  keyDir = mkdtempSync(join(tmpdir(), 'host-key-'));
  server = createServer((s) => { sockets.push(s); s.on('error', () => undefined); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  const client = spawn('/bin/bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}; sleep 2; :`], { stdio: 'ignore' });
  const exited = new Promise((r) => client.on('exit', r));
  const watch = await runCli(['host', 'watch', '--duration', '3s', '--interval', '250ms', '--ndjson', '--log', logPath(), '--key-file', keyFile(), '--checkpoint-every', '2']);
  await exited;
  expect(watch.code).toBe(0);
}, 30_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
  rmSync(keyDir, { recursive: true, force: true });
});

/** The log's records. */
function records(): Array<Record<string, unknown>> {
  return readFileSync(logPath(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('tracer host', () => {
  it('watch logs the birth and the death of a bash /dev/tcp connection', () => {
    const births = records().filter((r) => r.kind === 'birth' && r.name === 'bash' && r.remote_p === port);
    expect(births).toHaveLength(1);
    expect(births[0].risk_reasons).toContain('dev_tcp');
    expect(records().some((r) => r.kind === 'death' && r.birth_seq === births[0].seq)).toBe(true);
  });

  it('verify accepts the untouched log and locates an edit with exit code 1', async () => {
    expect((await runCli(['host', 'verify', logPath(), '--key-file', keyFile()])).code).toBe(0);
    const tampered = join(dir, 'tampered.ndjson');
    const lines = readFileSync(logPath(), 'utf8').split('\n');
    lines[0] = lines[0].replace('"name":"', '"name":"x');
    writeFileSync(tampered, lines.join('\n'));
    writeFileSync(`${tampered}.checkpoints`, readFileSync(`${logPath()}.checkpoints`));
    const result = await runCli(['host', 'verify', tampered, '--key-file', keyFile()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/tampered\.ndjson: line 1 \(byte 0\): record_edited: /);
  });

  it('match finds a feed address among masked endpoints only with the key', async () => {
    const feed = join(dir, 'feed.txt');
    writeFileSync(feed, '# test feed\n198.51.100.1\n127.0.0.1  # loopback\n');
    const result = await runCli(['host', 'match', '--key-file', keyFile(), '--feed', feed, logPath()]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`127.0.0.1:${port}`);
    writeFileSync(feed, 'not-an-ip\n');
    const bad = await runCli(['host', 'match', '--key-file', keyFile(), '--feed', feed, logPath()]);
    expect(bad).toMatchObject({ code: 1, stderr: `tracer: ${feed}: line 1: not an IP address: "not-an-ip"\n` });
  });

  it('at lists the connection while it was open and not after the log ends', async () => {
    const birth = records().find((r) => r.kind === 'birth' && r.remote_p === port && r.direction === 'out')!;
    const during = await runCli(['host', 'at', String(birth.ts), logPath()]);
    expect(during.stdout).toMatch(new RegExp(`^open .*127\\.0\\.0\\.0/24:${port} .*pid ${birth.pid} bash`, 'm'));
    const later = await runCli(['host', 'at', '2099-01-01 00:00', logPath()]);
    expect(later).toMatchObject({ code: 0, stdout: '' });
  });

  it('export loads the connections into host_conns', async () => {
    const db = join(dir, 'store.duckdb');
    expect((await runCli(['host', 'export', '--db', db, logPath()])).code).toBe(0);
    const store = await openStore(db);
    const rows = await store.all('SELECT name, remote_p, duration_min >= 0 AS closed FROM host_conns WHERE remote_p = ? AND direction = ?', [port, 'out']);
    await store.close();
    expect(rows).toEqual([{ name: 'bash', remote_p: port, closed: true }]);
  });

  it.skipIf(process.getuid?.() !== 0)('runs without root, saying what it cannot attribute', async () => {
    const home = mkdtempSync(join(tmpdir(), 'host-nobody-'));
    chmodSync(home, 0o777);
    const client = spawn('/bin/bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}; sleep 4; :`], { stdio: 'ignore' });
    const main = join(projectRoot, 'src', 'cli', 'main.ts');
    const watch = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', main, 'host', 'watch', '--duration', '1s', '--ndjson'], { cwd: projectRoot, env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'cfg') }, encoding: 'utf8', timeout: 20_000 });
    client.kill();
    rmSync(home, { recursive: true, force: true });
    const lines = watch.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ kind: 'notice', message: expect.stringContaining('not root') });
    expect(lines.find((l) => l.kind === 'birth' && l.remote_p === port)).toMatchObject({ pid: -1, missing: ['owner'], uid: 0 });
    expect(lines.find((l) => l.kind === 'unseen')).toMatchObject({ unattributed: expect.any(Number), unreadable_processes: expect.any(Number) });
  });

  it('rejects bad options in one line', async () => {
    const result = await runCli(['host', 'watch', '--interval', 'soon']);
    expect(result).toMatchObject({ code: 2, stderr: 'tracer: --interval needs a positive duration such as 1s or 500ms, got "soon"\n' });
  });
});
