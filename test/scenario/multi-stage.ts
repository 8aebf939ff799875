import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTopology, destroyTopology, newRunId, sweepStaleNamespaces, type HostSpec } from './netns.js';
import { requireTools, startDaemon, type Daemon } from './procs.js';
import { beacon, bruteForce, exfiltrate, interactiveLogin, internalSweep, portScan, type StageContext } from './stages.js';
import { SyslogFile } from './syslog.js';
import { createUser, deleteUser, startSshd, sweepStaleUsers } from './victim.js';
import { wordlist } from './wordlist.js';

/** The stages, in the order they run. */
export const STAGES = ['scan', 'bruteforce', 'login', 'beacon', 'sweep', 'upload'] as const;
/** One stage name. */
export type StageName = (typeof STAGES)[number];

/** Knobs for `runMultiStageScenario`; the defaults give a ~60 s run. */
export interface ScenarioOptions {
  /** Beacons sent by the victim (default 15). */
  beacons?: number;
  /** Time between beacons before ±10 % jitter (default 2000 ms). */
  beaconIntervalMs?: number;
  /** Size of the exfiltration upload (default 6 MiB). */
  uploadBytes?: number;
  /** 1-based place of the real password in hydra's wordlist (default 30 of 40). */
  passwordPosition?: number;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
}

/** What a scenario run produced: files, who was who, what the attacker got, and when each stage ran. */
export interface ScenarioResult {
  /** Packet capture of the inside bridge (every stage crosses it), `dir/capture.pcap`. */
  pcap: string;
  /** The victim's sshd log as RFC 3164 syslog lines (local time, host `victim`), `dir/auth.log`. */
  authLog: string;
  hosts: {
    attacker: string; victim: string; c2: string;
    /** Internal hosts with open ports (sweep ports 22/445 among them). */
    internal: string[];
    /** Further inside addresses that exist but have every port closed. */
    lan: string[];
    /** The router's address on each subnet (the victim's gateway is the first). */
    router: string[];
  };
  /** The local user attacked on the victim, and the password hydra found (and the login used). */
  user: string;
  password: string;
  /** 1-based position of the password in the wordlist, and the list's length. */
  passwordPosition: number;
  wordlistSize: number;
  /** Open TCP ports nmap reported on the victim (22 only). */
  scanOpenPorts: number[];
  /** Output of the commands run over the attacker's SSH session. */
  loginOutput: string;
  /** When each beacon left the victim. */
  beaconTimes: Date[];
  /** The sweep's targets, ports, and the "address:port" pairs it found open. */
  sweep: { targets: string[]; ports: number[]; open: string[] };
  /** Bytes the victim uploaded, and the bytes the C2 says it received. */
  uploadBytes: number;
  uploadReceived: number;
  /** Wall-clock start and end of each stage. */
  stages: Record<StageName, { start: Date; end: Date }>;
}

const ATTACKER = '203.0.113.66';
const VICTIM = '10.10.0.10';
const C2 = '198.51.100.23';
const INTERNAL: Array<[string, number[]]> = [['10.10.0.20', [22, 445]], ['10.10.0.21', [139, 445]], ['10.10.0.22', [22, 80]]];
const LAN = Array.from({ length: 27 }, (_, i) => `10.10.0.${30 + i}`);
const PASSWORD = 'Summer2024';
const TOOLS = {
  ip: 'iproute2', ethtool: 'ethtool', tcpdump: 'tcpdump', nmap: 'nmap', hydra: 'hydra', sshd: 'openssh-server',
  'ssh-keygen': 'openssh-client', ssh: 'openssh-client', sshpass: 'sshpass', curl: 'curl', python3: 'python3',
  sysctl: 'procps', useradd: 'passwd', userdel: 'passwd', chpasswd: 'passwd',
};

function hostSpecs(): HostSpec[] {
  return [
    { role: 'attacker', addrs: [ATTACKER], gateway: '203.0.113.1', bridge: 'brout' },
    { role: 'c2', addrs: [C2], gateway: '198.51.100.1', bridge: 'brout' },
    { role: 'victim', addrs: [VICTIM], gateway: '10.10.0.1', bridge: 'brin' },
    ...INTERNAL.map(([a], i): HostSpec => ({ role: `in${i + 1}`, addrs: [a], gateway: '10.10.0.1', bridge: 'brin' })),
    { role: 'lan', addrs: LAN, gateway: '10.10.0.1', bridge: 'brin' },
  ];
}

function python(tools: Record<string, string>, ns: string, script: string, args: string[]): [string, string[]] {
  return ['ip', ['netns', 'exec', ns, tools.python3, fileURLToPath(new URL(script, import.meta.url)), ...args]];
}

/**
 * Plays a multi-stage intrusion with real tools in network namespaces it creates (root only):
 * nmap scan → hydra SSH brute force → SSH login → HTTP beaconing → internal sweep → 6 MiB upload,
 * captured by tcpdump into `dir/capture.pcap`, with sshd's log in `dir/auth.log`.
 * Namespaces, processes and the victim user are removed afterwards, also on failure.
 * Example: `const r = await runMultiStageScenario(mkdtempSync(join(tmpdir(), 'scn-')));`
 */
export async function runMultiStageScenario(dir: string, options: ScenarioOptions = {}): Promise<ScenarioResult> {
  if (process.getuid?.() !== 0) throw new Error('The multi-stage scenario must run as root: it creates network namespaces and a user');
  const tools = requireTools(TOOLS);
  const log = options.log ?? (() => undefined);
  const position = options.passwordPosition ?? 30;
  const words = wordlist(PASSWORD, position);
  mkdirSync(dir, { recursive: true });
  sweepStaleNamespaces();
  sweepStaleUsers();
  const id = newRunId();
  const pcap = join(dir, 'capture.pcap');
  const authLogPath = join(dir, 'auth.log');
  let user: string | undefined;
  const daemons: Daemon[] = [];
  let authLog: SyslogFile | undefined;
  const emergency = () => { destroyTopology(id); if (user) deleteUser(user); };
  process.on('exit', emergency);
  try {
    log(`building namespaces ${id}-*`);
    const topo = await buildTopology(id, hostSpecs());
    const ns = topo.ns;
    // A 64 MiB kernel buffer: the 6 MiB upload arrives in a burst, and the machine may be busy.
    const tcpdump = await startDaemon('tcpdump', 'ip', ['netns', 'exec', topo.router, tools.tcpdump, '-i', 'brin', '-U', '-n', '-s', '0', '-B', '65536', '-Z', 'root', '-w', pcap],
      { ready: /listening on brin/ });
    daemons.push(tcpdump);
    user = await createUser(PASSWORD);
    authLog = new SyslogFile(authLogPath, 'victim');
    daemons.push(await startSshd(tools.sshd, ns.victim, dir, VICTIM, user, authLog));
    daemons.push(await startDaemon('C2 server', ...python(tools, ns.c2, 'c2-server.py', [C2, '80']), { ready: /^ready$/ }));
    for (const [i, [addr, ports]] of INTERNAL.entries()) {
      daemons.push(await startDaemon(`listener on ${addr}`, ...python(tools, ns[`in${i + 1}`], 'listener.py', [addr, ...ports.map(String)]), { ready: /^ready$/ }));
    }
    const ctx: StageContext = { dir, ns: { attacker: ns.attacker, victim: ns.victim }, victim: VICTIM, c2: C2, tools };
    const stages = {} as ScenarioResult['stages'];
    const stage = async <T>(name: StageName, fn: () => Promise<T>): Promise<T> => {
      const start = new Date();
      log(`stage ${name}`);
      const value = await fn();
      stages[name] = { start, end: new Date() };
      return value;
    };
    const sweepTargets = [...INTERNAL.map(([a]) => a), ...LAN];
    const uploadBytes = options.uploadBytes ?? 6 * 1024 * 1024;

    const scanOpenPorts = await stage('scan', () => portScan(ctx));
    const password = await stage('bruteforce', () => bruteForce(ctx, user as string, words));
    const loginOutput = await stage('login', () => interactiveLogin(ctx, user as string, password));
    const beaconTimes = await stage('beacon', () => beacon(ctx, options.beacons ?? 15, options.beaconIntervalMs ?? 2000));
    const open = await stage('sweep', () => internalSweep(ctx, sweepTargets, [22, 445]));
    const uploadReceived = await stage('upload', () => exfiltrate(ctx, uploadBytes));

    const result: ScenarioResult = {
      pcap, authLog: authLogPath,
      hosts: { attacker: ATTACKER, victim: VICTIM, c2: C2, internal: INTERNAL.map(([a]) => a), lan: LAN, router: ['10.10.0.1', '203.0.113.1', '198.51.100.1'] },
      user, password, passwordPosition: position, wordlistSize: words.length, scanOpenPorts, loginOutput, beaconTimes,
      sweep: { targets: sweepTargets, ports: [22, 445], open }, uploadBytes, uploadReceived, stages,
    };
    writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    for (const d of daemons) await d.stop();
    await authLog?.close();
    destroyTopology(id);
    if (user) deleteUser(user);
    process.off('exit', emergency);
  }
}
