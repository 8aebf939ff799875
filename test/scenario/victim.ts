import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sleep, startDaemon, type Daemon } from './procs.js';
import { SyslogFile } from './syslog.js';

/** GECOS marker of users this harness creates; the pid after it tells whether the creating run is alive. */
const GECOS = 'tracer scenario pid=';

/** Creates a local user with a password (retrying while another run holds the passwd lock) and returns its name. */
export async function createUser(password: string): Promise<string> {
  const name = `backup${randomBytes(3).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await run('useradd', ['-M', '-d', '/', '-s', '/bin/sh', '-c', `${GECOS}${process.pid}`, name]);
      break;
    } catch (e) {
      if (attempt >= 10 || !/lock/i.test((e as Error).message)) throw e;
      await sleep(200 + Math.random() * 300);
    }
  }
  execFileSync('chpasswd', { input: `${name}:${password}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
  return name;
}

/** Removes a user this harness created; never throws. */
export function deleteUser(name: string): void {
  for (let attempt = 0; attempt < 10; attempt++) {
    try { execFileSync('userdel', [name], { stdio: 'ignore' }); return; } catch {
      try { execFileSync('id', [name], { stdio: 'ignore' }); } catch { return; }
      execFileSync('sleep', ['0.2']);
    }
  }
}

/** Removes users left behind by scenario runs whose process has died. */
export function sweepStaleUsers(): void {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (!f[4]?.startsWith(GECOS)) continue;
    const pid = Number(f[4].slice(GECOS.length));
    let dead = false;
    try { process.kill(pid, 0); } catch (e) { dead = (e as NodeJS.ErrnoException).code === 'ESRCH'; }
    if (dead) deleteUser(f[0]);
  }
}

/** sshd settings: password logins for the one scenario user only, everything private to `dir`. */
function sshdConfig(dir: string, addr: string, user: string): string {
  return [
    'Port 22', `ListenAddress ${addr}`, `HostKey ${join(dir, 'ssh_host_ed25519_key')}`,
    'PidFile none', 'UsePAM no', 'PasswordAuthentication yes', 'KbdInteractiveAuthentication no',
    'PubkeyAuthentication no', 'PermitRootLogin no', `AllowUsers ${user}`, 'StrictModes no',
    'UseDNS no', 'PrintMotd no', 'MaxAuthTries 3', 'MaxStartups 30:30:60', 'LogLevel INFO', 'SyslogFacility AUTH', '',
  ].join('\n');
}

/**
 * Starts OpenSSH's sshd in the foreground (`-D -e`) inside namespace `ns`, with a host key and config
 * generated in `dir`. Its stderr becomes syslog lines in `authLog`, stamped on arrival, under the
 * listening sshd's pid (stderr does not say which per-connection child wrote a line).
 */
export async function startSshd(sshd: string, ns: string, dir: string, addr: string, user: string, authLog: SyslogFile): Promise<Daemon> {
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege-separation directory
  const key = join(dir, 'ssh_host_ed25519_key');
  for (const f of [key, `${key}.pub`]) rmSync(f, { force: true }); // ssh-keygen would ask before overwriting
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'victim', '-f', key]);
  const config = join(dir, 'sshd_config');
  writeFileSync(config, sshdConfig(dir, addr, user));
  return startDaemon('sshd', 'ip', ['netns', 'exec', ns, sshd, '-D', '-e', '-f', config], {
    ready: /^Server listening on /,
    onStderrLine: (line, at, pid) => authLog.write(at, 'sshd', pid, line),
  });
}
