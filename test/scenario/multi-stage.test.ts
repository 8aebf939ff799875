import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/correlate/index.js';
import { runCli } from '../helpers/cli.js';
import { tshark } from '../helpers/tshark.js';
import { runMultiStageScenario, STAGES, type ScenarioResult } from './multi-stage.js';
import { listNamespaces } from './netns.js';

/** One TCP packet of the capture, as tshark decodes it. */
interface Pkt { src: string; dst: string; sport: number; dport: number; syn: boolean; ack: boolean; len: number; method: string; uri: string }

const work = mkdtempSync(join(tmpdir(), 'tracer-scenario-'));
let r: ScenarioResult;
let pkts: Pkt[];
let auth: Array<{ at: Date; pid: number; msg: string }>;
const runPrefix = `trsc-${process.pid}-`;

beforeAll(async () => {
  // 25 beacons at ~2 s: long enough against the rest of the run for a beacon score above the default threshold.
  r = await runMultiStageScenario(work, { beacons: 25 });
  const fields = ['ip.src', 'ip.dst', 'tcp.srcport', 'tcp.dstport', 'tcp.flags.syn', 'tcp.flags.ack', 'tcp.len', 'http.request.method', 'http.request.uri'];
  pkts = tshark(['-r', r.pcap, '-o', 'http.desegment_body:FALSE', '-Y', 'tcp', '-T', 'fields', ...fields.flatMap((f) => ['-e', f])])
    .split('\n').filter(Boolean).map((line) => {
      const [src, dst, sport, dport, syn, ack, len, method, uri] = line.split('\t');
      return { src, dst, sport: Number(sport), dport: Number(dport), syn: syn === '1' || syn === 'True', ack: ack === '1' || ack === 'True', len: Number(len), method, uri };
    });
  const year = new Date().getFullYear();
  auth = readFileSync(r.authLog, 'utf8').trimEnd().split('\n').map((line) => {
    const m = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d) victim sshd\[(\d+)\]: (.+)$/.exec(line);
    if (!m) throw new Error(`auth.log line is not RFC 3164: ${line}`);
    return { at: new Date(`${m[1]} ${m[2].trim()} ${year} ${m[3]}`), pid: Number(m[4]), msg: m[5] };
  });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const synsFrom = (src: string, dst?: string) => pkts.filter((p) => p.syn && !p.ack && p.src === src && (!dst || p.dst === dst));

describe('multi-stage intrusion scenario', () => {
  it('runs the stages in order and reports what the attacker got', () => {
    for (let i = 1; i < STAGES.length; i++) {
      expect(r.stages[STAGES[i]].start.getTime()).toBeGreaterThanOrEqual(r.stages[STAGES[i - 1]].end.getTime());
    }
    expect(r.password).toBe('Summer2024');
    expect(r.passwordPosition).toBeGreaterThanOrEqual(20);
    expect(r.scanOpenPorts).toEqual([22]);
    expect(r.loginOutput).toContain(`uid=`);
    expect(r.loginOutput).toContain(`(${r.user})`);
    expect(r.beaconTimes).toHaveLength(25);
    expect(r.sweep.open.sort()).toEqual(['10.10.0.20:22', '10.10.0.20:445', '10.10.0.21:445', '10.10.0.22:22']);
    expect(r.uploadReceived).toBe(r.uploadBytes);
  });

  it('captures the port scan: SYNs from the attacker to at least 990 victim ports', () => {
    const ports = new Set(synsFrom(r.hosts.attacker, r.hosts.victim).map((p) => p.dport));
    expect(ports.size).toBeGreaterThanOrEqual(990);
  });

  it('captures the brute force: at least 10 SSH connections from the attacker that got an answer', () => {
    const answered = new Set(pkts.filter((p) => p.syn && p.ack && p.src === r.hosts.victim && p.sport === 22 && p.dst === r.hosts.attacker).map((p) => p.dport));
    expect(answered.size).toBeGreaterThanOrEqual(10);
    const sshBytes = pkts.filter((p) => p.src === r.hosts.attacker && p.dport === 22).reduce((n, p) => n + p.len, 0);
    expect(sshBytes).toBeGreaterThan(10_000);
  });

  it('captures the beacons: one HTTP GET to the C2 per beacon', () => {
    const gets = pkts.filter((p) => p.method === 'GET' && p.src === r.hosts.victim && p.dst === r.hosts.c2);
    expect(gets).toHaveLength(r.beaconTimes.length);
    expect(new Set(gets.map((g) => g.uri)).size).toBe(r.beaconTimes.length);
  });

  it('captures the internal sweep: SYNs from the victim to every target on 22 and 445', () => {
    const probed = new Set(synsFrom(r.hosts.victim).filter((p) => p.dport === 22 || p.dport === 445).map((p) => `${p.dst}:${p.dport}`));
    expect(probed.size).toBe(r.sweep.targets.length * 2);
    expect(r.sweep.targets.length).toBeGreaterThanOrEqual(30);
  });

  it('captures the upload: a POST of at least 5 MB from the victim to the C2', () => {
    const post = pkts.find((p) => p.method === 'POST' && p.src === r.hosts.victim && p.dst === r.hosts.c2);
    expect(post?.uri).toBe('/upload');
    const sent = pkts.filter((p) => p.src === r.hosts.victim && p.dst === r.hosts.c2).reduce((n, p) => n + p.len, 0);
    expect(sent).toBeGreaterThanOrEqual(5_000_000);
  });

  it('writes sshd’s failures and the successful logins into auth.log, inside the brute-force and login stages', () => {
    const second = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;
    const failed = auth.filter((l) => l.msg.startsWith(`Failed password for ${r.user} from ${r.hosts.attacker} port `));
    expect(failed.length).toBeGreaterThanOrEqual(20);
    const accepted = auth.filter((l) => l.msg.startsWith(`Accepted password for ${r.user} from ${r.hosts.attacker} port `));
    // hydra's hit is itself a successful login, then the attacker's own session.
    expect(accepted.length).toBe(2);
    for (const l of failed) {
      expect(l.at.getTime()).toBeGreaterThanOrEqual(second(r.stages.bruteforce.start));
      expect(l.at.getTime()).toBeLessThanOrEqual(r.stages.bruteforce.end.getTime() + 1000);
    }
    expect(accepted[1].at.getTime()).toBeGreaterThanOrEqual(second(r.stages.login.start));
    expect(accepted[1].at.getTime()).toBeLessThanOrEqual(r.stages.login.end.getTime() + 1000);
  });

  it('leaves no namespace and no user behind', () => {
    expect(listNamespaces(runPrefix)).toEqual([]);
    expect(() => execFileSync('id', [r.user], { stdio: 'ignore' })).toThrow();
  });

  it('cleans up when a run fails part-way', async () => {
    const failDir = join(work, 'failing');
    const boom = (m: string) => { if (m === 'stage scan') throw new Error('stopped on purpose'); };
    await expect(runMultiStageScenario(failDir, { log: boom })).rejects.toThrow('stopped on purpose');
    expect(listNamespaces(runPrefix)).toEqual([]);
    const users = readFileSync('/etc/passwd', 'utf8').split('\n').filter((l) => l.includes(`tracer scenario pid=${process.pid}`));
    expect(users).toEqual([]);
  });
});

describe('tracer analyze on the multi-stage intrusion', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const out = join(work, 'analysis');
    const run = await runCli(['analyze', r.pcap, r.authLog, '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    analysis = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
  }, 120_000);

  it('finds the attacker, the victim it compromised and turned into a pivot, and the C2', () => {
    const [incident] = analysis.incidents;
    expect(incident).toMatchObject({ severity: 'critical', attackers: [r.hosts.attacker], pivots: [r.hosts.victim], c2: [r.hosts.c2] });
    expect(incident.compromised.map((c) => c.host)).toEqual([r.hosts.victim]);
    expect(incident.compromised[0].reasons[0]).toContain(`accepted password for "${r.user}" from ${r.hosts.attacker}`);
    const roles = Object.fromEntries(incident.graph.nodes.map((n) => [n.id, n.role]));
    expect(roles).toMatchObject({ [r.hosts.attacker]: 'attacker', [r.hosts.victim]: 'pivot', [r.hosts.c2]: 'c2' });
    expect(incident.tactics).toEqual(expect.arrayContaining(['reconnaissance', 'credential-access', 'initial-access', 'discovery', 'command-and-control', 'exfiltration']));
  });

  it('tells every stage in the chain, in order (log lines carry whole seconds, so ties within a second may fall either way)', () => {
    const { chain, timeline } = analysis.incidents[0];
    const steps: Array<[string, (e: Analysis['incidents'][0]['timeline'][0]) => boolean]> = [
      [`${r.hosts.attacker} scanned ${r.hosts.victim} on 1,000 ports`, (e) => e.source === 'port_scan' && e.src === r.hosts.attacker],
      [`failed logins from ${r.hosts.attacker}`, (e) => e.source === 'auth_guessing'],
      [`accepted password for "${r.user}"`, (e) => e.source === 'auth'],
      [`began beaconing to ${r.hosts.c2}`, (e) => e.source === 'beacon'],
      [`${r.hosts.victim} sent `, (e) => e.source === 'exfiltration'],
      [`swept 30 hosts`, (e) => e.source === 'port_scan' && e.src === r.hosts.victim],
    ];
    for (const [text] of steps) expect(chain.some((line) => line.includes(text)), `${text}\n${chain.join('\n')}`).toBe(true);
    expect(chain.at(-1)).toMatch(new RegExp(`^${r.hosts.victim.replace(/\./g, '\\.')} is compromised`));
    const times = steps.map(([, match]) => timeline.find(match)!.ts);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] - 1);
  });

  it('places each step inside the stage that made it', () => {
    const { timeline } = analysis.incidents[0];
    const within = (ts: number, stage: keyof typeof r.stages) =>
      ts * 1000 >= Math.floor(r.stages[stage].start.getTime() / 1000) * 1000 - 1000 && ts * 1000 <= r.stages[stage].end.getTime() + 1000;
    expect(within(timeline.find((e) => e.source === 'port_scan' && e.src === r.hosts.attacker)!.ts, 'scan')).toBe(true);
    expect(within(timeline.find((e) => e.source === 'beacon')!.ts, 'beacon')).toBe(true);
    expect(within(timeline.find((e) => e.source === 'port_scan' && e.src === r.hosts.victim)!.ts, 'sweep')).toBe(true);
  });
});
