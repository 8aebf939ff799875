import { ancestorName } from './ancestry.js';
import { assessCertificate } from './assess.js';
import { buildCertificate, type BirthCertificate } from './certificate.js';
import type { ChainLog } from './chain-log.js';
import { EndpointMasker } from './endpoint-mask.js';
import { ExeHasher } from './exe-hash.js';
import { currentRisk } from './live-risk.js';
import { readBootInfo, type BootInfo } from './host-clock.js';
import type { HostKeys } from './host-key.js';
import { PeriodTracker } from './periodicity.js';
import { ProcessCache } from './process-cache.js';
import { ScratchBuffer } from './proc-read.js';
import { SocketOwners } from './socket-owners.js';
import { SocketScanner, type LiveSocket } from './socket-scan.js';
import { tcpOpens, unseenBetweenPolls } from './tcp-open-counter.js';
import { UserNames } from './user-names.js';

/** A connection alive now, with its certificate. */
export interface LiveConnection {
  socket: LiveSocket;
  cert: BirthCertificate;
  /** Log position of the certificate (-1 when not logging). */
  seq: number;
  periodic: boolean;
}

/** Written when a connection disappears: its lifetime, bounded by the polls around its death. */
export interface DeathRecord {
  kind: 'death';
  /** Poll that found it gone. */
  ts: number;
  boot_id: string;
  inode: number;
  birth_seq: number;
  pid: number;
  first_seen: number;
  last_seen: number;
  /** Seen lifetime (last_seen − first_seen): the true one is at least this … */
  duration_min: number;
  /** … and at most this (ts − prev_poll of its birth); -1 when it was open before watching began. */
  duration_max: number;
  risk: number;
  risk_reasons: string[];
}

/** What one poll found, plus what it could not see. */
export interface PollReport {
  births: BirthCertificate[];
  deaths: DeathRecord[];
  /** TCP connections born and dead between this poll and the last (kernel counters minus seen births). */
  unseenTcp: number;
  /** New sockets whose owner could not be found (exited, or /proc/PID/fd denied). */
  unattributed: number;
  /** Processes whose descriptors could not be read (not root). */
  deniedProcesses: number;
}

/**
 * Watches the host's connections: each poll finds new and vanished sockets,
 * attributes new ones to their process and lineage, writes a birth
 * certificate (and later a death record) to the log, and scores them.
 */
export class HostMonitor {
  readonly connections = new Map<number, LiveConnection>();
  readonly boot: BootInfo;
  private readonly scanner: SocketScanner;
  private readonly owners: SocketOwners;
  private readonly processes: ProcessCache;
  private readonly users = new UserNames();
  private readonly masker: EndpointMasker;
  private readonly periods = new PeriodTracker();
  private readonly scratch = new ScratchBuffer();
  private readonly births: LiveSocket[] = [];
  private readonly deaths: LiveSocket[] = [];
  private readonly wanted = new Set<number>();
  private readonly found = new Map<number, number>();
  private opens = -1;

  constructor(keys: HostKeys, private readonly log: ChainLog | null, private readonly procRoot = '/proc') {
    this.masker = new EndpointMasker(keys.mask);
    this.boot = readBootInfo(procRoot);
    this.scanner = new SocketScanner(procRoot);
    this.owners = new SocketOwners(procRoot);
    this.processes = new ProcessCache(procRoot, this.scratch, new ExeHasher());
  }

  /**
   * Polls once at `now` (epoch seconds).
   * @example const report = monitor.poll(Date.now() / 1000);
   */
  poll(now: number): PollReport {
    this.scanner.poll(now, this.births, this.deaths);
    const opens = tcpOpens(this.procRoot, this.scratch);
    const tcpBirths = this.births.reduce((n, s) => n + (s.proto === 'tcp' ? 1 : 0), 0);
    const unseenTcp = this.opens < 0 ? 0 : unseenBetweenPolls(this.opens, opens, tcpBirths);
    this.opens = opens;
    this.wanted.clear();
    this.found.clear();
    for (const s of this.births) this.wanted.add(s.inode);
    const search = this.owners.search(this.wanted, this.found, this.scanner.live);
    this.processes.nextPoll();
    const report: PollReport = { births: [], deaths: [], unseenTcp, unattributed: 0, deniedProcesses: search.deniedProcesses };
    for (const socket of this.births) report.births.push(this.certify(socket, now, report));
    for (const socket of this.deaths) report.deaths.push(this.bury(socket, now));
    this.users.invalidate();
    return report;
  }

  /** Builds, scores and logs the certificate of a new socket. */
  private certify(socket: LiveSocket, now: number, report: PollReport): BirthCertificate {
    const pid = this.found.get(socket.inode);
    const known = pid === undefined ? null : this.processes.get(pid);
    if (!known) report.unattributed++;
    const process = known?.info ?? null;
    const chain = known?.chain ?? [];
    const cert = buildCertificate({ socket, process, chain, boot: this.boot, masker: this.masker, user: this.users.name(process?.uid ?? socket.uid) });
    const periodic = socket.prevPoll > 0 && this.periods.observe(programKey(cert), now) > 0;
    assessCertificate(cert, periodic, 0);
    const seq = this.log ? this.log.append({ ...cert }, now) : -1;
    this.connections.set(socket.inode, { socket, cert, seq, periodic });
    return cert;
  }

  /** Death record of a vanished socket (logged), with its final risk. */
  private bury(socket: LiveSocket, now: number): DeathRecord {
    const live = this.connections.get(socket.inode);
    this.connections.delete(socket.inode);
    const lifetime = socket.lastSeen - socket.firstSeen;
    const risk = live ? currentRisk(live, lifetime) : { score: 0, reasons: [] };
    const record: DeathRecord = {
      kind: 'death',
      ts: now,
      boot_id: this.boot.bootId,
      inode: socket.inode,
      birth_seq: live?.seq ?? -1,
      pid: live?.cert.pid ?? -1,
      first_seen: socket.firstSeen,
      last_seen: socket.lastSeen,
      duration_min: round3(lifetime),
      duration_max: socket.prevPoll > 0 ? round3(now - socket.prevPoll) : -1,
      risk: risk.score,
      risk_reasons: risk.reasons,
    };
    if (this.log) this.log.append({ ...record }, now);
    return record;
  }
}

/**
 * Who keeps calling where: executable, the names along the lineage and the
 * masked destination. Pids are left out, since a beacon run from cron is a
 * new process every time.
 */
function programKey(cert: BirthCertificate): string {
  const lineage = cert.ancestry.map(ancestorName).join('<');
  return `${cert.exe}|${lineage}|${cert.remote_mask}|${cert.remote_p}`;
}

/** Rounds seconds to milliseconds, so records do not carry float noise. */
function round3(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
