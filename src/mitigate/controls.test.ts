import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planMitigations } from './index.js';
import { ATTACKER, C2, fixtureAnalysis, VICTIM } from './testing/fixtures.js';
import { hasTool } from './testing/tools.js';

/**
 * The controls do what the plan says: its rule files are loaded for real in a private
 * network namespace (never on the machine's own firewall), and its checks run there.
 */

const NS = `tracer-mit-${process.pid}`;
const SSHD = '/usr/sbin/sshd';
const plan = planMitigations(fixtureAnalysis());
const file = (name: string): string => plan.files!.find((f) => f.file === name)!.text;
const check = (id: string, starts: string): string => plan.mitigations.find((m) => m.id === id)!.validation.find((v) => v.startsWith(starts))!;

/** Runs a command inside the namespace; status and output. */
function inNs(args: string[], input?: string): { status: number | null; out: string } {
  const r = spawnSync('ip', ['netns', 'exec', NS, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Why the namespace tests cannot run here, or null when they can. */
function unavailable(): string | null {
  if (process.getuid?.() !== 0) return 'needs root for a private network namespace';
  for (const tool of ['ip', 'nft', 'iptables-restore', 'curl', 'ssh', 'ssh-keygen', 'python3']) if (!hasTool(tool)) return `${tool} is not installed`;
  if (!hasTool(SSHD)) return 'sshd is not installed (Debian package openssh-server)';
  if (spawnSync('ip', ['netns', 'add', NS]).status !== 0) return 'cannot create a network namespace here';
  return null;
}

const reason = unavailable();
let dir = '';
let sshd: ChildProcess | undefined;

beforeAll(async () => {
  if (reason) return;
  dir = mkdtempSync(join(tmpdir(), 'tracer-controls-'));
  for (const args of [['link', 'set', 'lo', 'up'], ['addr', 'add', `${ATTACKER}/32`, 'dev', 'lo'], ['addr', 'add', `${C2}/32`, 'dev', 'lo'], ['addr', 'add', '192.0.2.1/32', 'dev', 'lo']]) {
    expect(spawnSync('ip', ['-n', NS, ...args]).status).toBe(0);
  }
  spawnSync('mkdir', ['-p', '/run/sshd']);
  expect(spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]).status).toBe(0);
  // The hardening the plan asks for: keys only, no passwords, no root.
  writeFileSync(join(dir, 'sshd_config'), ['Port 22', 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_key')}`, 'PidFile none', 'UsePAM no',
    'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'PubkeyAuthentication yes', 'PermitRootLogin no', 'StrictModes no', 'UseDNS no', ''].join('\n'));
  sshd = spawn('ip', ['netns', 'exec', NS, SSHD, '-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sshd did not start')), 10_000);
    sshd!.stderr!.on('data', (b: Buffer) => { if (/Server listening/.test(b.toString())) { clearTimeout(timer); resolve(); } });
  });
}, 30_000);

afterAll(() => {
  if (reason) return;
  if (sshd?.pid) sshd.kill();
  spawnSync('ip', ['netns', 'del', NS]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(reason !== null)(`the plan's controls, loaded in a network namespace${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('the nftables and iptables block lists drop the attacker and the C2 and nothing else', () => {
    const server = spawn('ip', ['netns', 'exec', NS, 'python3', '-m', 'http.server', '8000', '--bind', '0.0.0.0'], { stdio: 'ignore' });
    try {
      const curl = (host: string): string => inNs(['curl', '-s', '--max-time', '1', '-o', '/dev/null', '-w', '%{http_code}', `http://${host}:8000/`]).out;
      for (let tries = 0; tries < 20 && curl('192.0.2.1') !== '200'; tries++) spawnSync('sleep', ['0.5']); // the server is starting
      expect(curl(C2)).toBe('200');
      // The plan's own check: "curl --max-time 5 http://C2/ must fail".
      expect(check('block-c2', `From ${VICTIM}: curl`)).toContain(`curl --max-time 5 http://${C2}/`);
      const loaders: Array<[string[], string, string[]]> = [
        [['nft', '-f', '-'], file('tracer_block.nft'), ['nft', 'delete', 'table', 'inet', 'tracer_block']],
        [['iptables-restore', '--noflush'], file('iptables.rules'), ['iptables', '-F']],
      ];
      for (const [load, text, unload] of loaders) {
        expect(inNs(load, text)).toEqual({ status: 0, out: '' });
        expect([curl('192.0.2.1'), curl(C2), curl(ATTACKER)]).toEqual(['200', '000', '000']);
        expect(inNs(unload).status).toBe(0);
      }
    } finally {
      server.kill();
    }
  });

  it('hardened sshd refuses passwords with the message the plan tells the analyst to expect', () => {
    const line = check('harden-login-10-10-0-10-22', 'ssh -o PreferredAuthentications=password');
    const [command, comment] = line.split('   # ');
    const expected = /"(.+)"/.exec(comment)![1];
    const args = command.split(' ').slice(1).map((a) => a.replace(`@${VICTIM}`, '@127.0.0.1'));
    const r = inNs(['ssh', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'ConnectTimeout=5', ...args, 'true']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain(expected);
    const settings = spawnSync(SSHD, ['-T', '-f', join(dir, 'sshd_config')], { encoding: 'utf8' }).stdout;
    for (const key of ['passwordauthentication', 'kbdinteractiveauthentication', 'permitrootlogin']) expect(settings).toContain(`${key} no\n`);
  });

  it('unbound with the sinkhole list answers NXDOMAIN, or the sinkhole address, for the name and its subdomains', async (ctx) => {
    if (!hasTool('unbound') || !hasTool('dig')) return ctx.skip('unbound or dig is not installed (Debian packages unbound, bind9-dnsutils)');
    const line = check('block-c2', 'dig @<resolver>');
    const name = line.split(' ')[2];
    expect(line).toContain('must answer NXDOMAIN (or the sinkhole address)');
    const sinkholed = planMitigations(fixtureAnalysis(), { sinkhole: '10.0.0.53' }).files!.find((f) => f.file === 'unbound-sinkhole.conf')!.text;
    for (const [list, expected] of [[file('unbound-sinkhole.conf'), /status: NXDOMAIN/], [sinkholed, /IN\s+A\s+10\.0\.0\.53/]] as const) {
      writeFileSync(join(dir, 'sinkhole.conf'), list);
      writeFileSync(join(dir, 'unbound.conf'), ['server:', '    interface: 127.0.0.1', '    port: 53', '    do-daemonize: no', '    chroot: ""', '    username: ""',
        `    directory: "${dir}"`, '    pidfile: ""', '    use-syslog: no', '    do-ip6: no', '    access-control: 127.0.0.0/8 allow', `include: "${join(dir, 'sinkhole.conf')}"`, ''].join('\n'));
      const unbound = spawn('ip', ['netns', 'exec', NS, 'unbound', '-d', '-c', join(dir, 'unbound.conf')], { stdio: 'ignore' });
      try {
        const dig = (q: string): string => inNs(['dig', '@127.0.0.1', q, '+time=1', '+tries=1']).out;
        for (let tries = 0; tries < 20 && /connection timed out|refused/.test(dig(name)); tries++) spawnSync('sleep', ['0.5']); // unbound is starting
        expect(dig(name)).toMatch(expected);
        expect(dig(`probe.${name}`)).toMatch(expected);
      } finally {
        unbound.kill();
        await new Promise((resolve) => unbound.once('exit', resolve));
      }
    }
  });

  it('the SSH rate limit lets five new connections through in a minute and drops the sixth', () => {
    expect(inNs(['nft', '-f', '-'], file('tracer_ratelimit_22.nft'))).toEqual({ status: 0, out: '' });
    expect(check('harden-login-10-10-0-10-22', 'nft list table')).toContain('a 6th connection within a minute from one source times out');
    const outcomes = Array.from({ length: 7 }, () => inNs(['timeout', '1', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/22']).status === 0);
    expect(outcomes).toEqual([true, true, true, true, true, false, false]);
  });
});
