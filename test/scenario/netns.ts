import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { run } from './procs.js';

/** Namespace names of one scenario run start with this, then the creating process id. */
export const NS_PREFIX = 'trsc-';

/** One host namespace: its name, address, and the bridge its cable plugs into. */
export interface HostSpec { role: string; addrs: string[]; gateway: string; bridge: 'brout' | 'brin' }

/** A built topology: namespace name per role and the router namespace. */
export interface Topology { id: string; router: string; ns: Record<string, string> }

/** Router addresses: the outside bridge carries the attacker's and the C2's subnets, the inside bridge the LAN. */
const ROUTER_ADDRS: Array<[string, 'brout' | 'brin']> = [
  ['203.0.113.1/24', 'brout'], ['198.51.100.1/24', 'brout'], ['10.10.0.1/24', 'brin'],
];

/** A fresh run id that names every namespace of this run and carries our pid (so stale runs can be found). */
export function newRunId(): string {
  return `${NS_PREFIX}${process.pid}-${randomBytes(2).toString('hex')}`;
}

function ip(...args: string[]): Promise<unknown> {
  return run('ip', args, { timeoutMs: 10_000 });
}

/** Turns off checksum and segmentation offloads so the capture holds wire-sized frames with real checksums. */
function offloadsOff(ns: string, dev: string): Promise<unknown> {
  return run('ip', ['netns', 'exec', ns, 'ethtool', '-K', dev, 'tx', 'off', 'tso', 'off', 'gso', 'off', 'gro', 'off'], { timeoutMs: 10_000 });
}

async function addNamespace(name: string): Promise<void> {
  await ip('netns', 'add', name);
  await ip('-n', name, 'link', 'set', 'lo', 'up');
  // No IPv6: keeps router solicitations and MLD reports out of the capture.
  for (const key of ['all', 'default']) {
    await run('ip', ['netns', 'exec', name, 'sysctl', '-qw', `net.ipv6.conf.${key}.disable_ipv6=1`]);
  }
}

/**
 * Builds a router namespace with two bridges (outside, inside) and routing between them, then one
 * namespace per host, each cabled to a bridge by a veth pair created directly inside the namespaces
 * (nothing is added to the caller's namespace).
 */
export async function buildTopology(id: string, hosts: HostSpec[]): Promise<Topology> {
  const router = `${id}-rt`;
  const ns: Record<string, string> = {};
  await addNamespace(router);
  await run('ip', ['netns', 'exec', router, 'sysctl', '-qw', 'net.ipv4.ip_forward=1']);
  for (const br of ['brout', 'brin']) {
    await ip('-n', router, 'link', 'add', br, 'type', 'bridge', 'stp_state', '0', 'forward_delay', '0');
    await ip('-n', router, 'link', 'set', br, 'up');
  }
  for (const [addr, br] of ROUTER_ADDRS) await ip('-n', router, 'addr', 'add', addr, 'dev', br);
  for (const h of hosts) {
    const name = `${id}-${h.role}`;
    ns[h.role] = name;
    const port = `v-${h.role}`;
    await addNamespace(name);
    await ip('-n', router, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', name);
    await ip('-n', router, 'link', 'set', port, 'master', h.bridge, 'up');
    for (const a of h.addrs) await ip('-n', name, 'addr', 'add', `${a}/24`, 'dev', 'eth0');
    await ip('-n', name, 'link', 'set', 'eth0', 'up');
    await ip('-n', name, 'route', 'add', 'default', 'via', h.gateway);
    await offloadsOff(name, 'eth0');
    await offloadsOff(router, port);
  }
  return { id, router, ns };
}

/** Kills every process inside the namespace and deletes it; never throws. */
export function destroyNamespace(name: string): void {
  try {
    const pids = execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const pid of pids.split(/\s+/).filter(Boolean)) {
      try { process.kill(Number(pid), 'SIGKILL'); } catch { /* already gone */ }
    }
  } catch { /* namespace already gone */ }
  try { execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' }); } catch { /* already gone */ }
}

/** Namespace names that start with `prefix`. */
export function listNamespaces(prefix: string): string[] {
  const out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return out.split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith(prefix));
}

/** Deletes every namespace of a topology, router last. */
export function destroyTopology(id: string): void {
  const names = listNamespaces(`${id}-`);
  for (const n of names.filter((x) => !x.endsWith('-rt'))) destroyNamespace(n);
  for (const n of names.filter((x) => x.endsWith('-rt'))) destroyNamespace(n);
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Deletes namespaces left by scenario runs whose process has died (a killed test run cannot clean up). */
export function sweepStaleNamespaces(): void {
  for (const name of listNamespaces(NS_PREFIX)) {
    const pid = Number(/^trsc-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) destroyNamespace(name);
  }
}
