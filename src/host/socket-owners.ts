import { readdirSync, statSync } from 'node:fs';
import { FdLinks, type InodeSet, type ReadCount } from './fd-links.js';
import { MAX_PROCESSES } from './limits.js';

/** What one owner search could not see: processes whose descriptors were unreadable. */
export interface OwnerSearchStats extends ReadCount {
  /** Processes whose /proc/PID/fd was denied (not root): their sockets stay unattributed. */
  deniedProcesses: number;
  /** Processes whose descriptors were listed in this search. */
  examinedProcesses: number;
}

/** No connection known alive: every descriptor is read. */
const NOTHING_ALIVE: InodeSet = { has: () => false };

/**
 * Maps socket inodes to the pid holding them, by reading `/proc/PID/fd/*`
 * links (`socket:[N]`). Only inodes not yet attributed are searched for, and
 * the search stops once all are found. Processes whose descriptor count
 * (the size of /proc/PID/fd, Linux ≥ 6.2) changed since the last search are
 * examined first; the others only when inodes are still missing, so a
 * closed-and-reopened descriptor is still found, just later in the search.
 * Each process's links are remembered ({@link FdLinks}), so a process with
 * thousands of live connections costs one directory listing plus its new
 * descriptors, not thousands of readlinks; when inodes are still missing
 * after every process, a last pass reads the skipped descriptors whose
 * socket is cached at another descriptor too (the only way a skipped one
 * can hold something new, see {@link FdLinks.readSkipped}).
 */
export class SocketOwners {
  private readonly processes = new Map<number, FdLinks>();

  constructor(private readonly procRoot = '/proc') {}

  /**
   * Finds a pid holding each inode of `wanted` (the lowest among processes
   * equally likely to have it), removing found inodes from it and recording
   * them in `found` (inode → pid). `alive` is the set of connections alive
   * now: descriptors last seen holding one of them (and not wanted) are read
   * only if the first passes leave inodes missing.
   * @example owners.search(new Set([12345]), found, scanner.live)
   */
  search(wanted: Set<number>, found: Map<number, number>, alive: InodeSet = NOTHING_ALIVE): OwnerSearchStats {
    const stats: OwnerSearchStats = { deniedProcesses: 0, examinedProcesses: 0, linksRead: 0 };
    if (wanted.size === 0) return stats;
    const pids = this.listPids();
    const unchanged: number[] = [];
    const examined: number[] = [];
    for (const pid of pids) {
      if (wanted.size === 0) break;
      const links = this.processes.get(pid);
      const count = links === undefined ? -1 : this.fdCount(pid);
      if (count >= 0 && links!.count === count) unchanged.push(pid);
      else this.examine(pid, wanted, found, alive, stats, examined);
    }
    for (const pid of unchanged) {
      if (wanted.size === 0) break;
      this.examine(pid, wanted, found, alive, stats, examined);
    }
    if (wanted.size > 0 && examined.length > 0) {
      // An unreadable process may hold the old socket of a reused descriptor: then every skipped one is read.
      const holders = this.holderCounts();
      const unlisted = stats.deniedProcesses > 0;
      const shared = (inode: number): boolean => unlisted || (holders.get(inode) ?? 0) > 1;
      for (const pid of examined) {
        if (wanted.size === 0) break;
        this.processes.get(pid)!.readSkipped(`${this.procRoot}/${pid}/fd`, pid, wanted, found, stats, shared);
      }
    }
    this.forgetExited(pids);
    return stats;
  }

  /** Numeric /proc entries in ascending order (so the lowest pid wins a shared socket). */
  private listPids(): number[] {
    const pids: number[] = [];
    for (const name of readdirSync(this.procRoot)) {
      if (pids.length >= MAX_PROCESSES) break;
      const c = name.charCodeAt(0);
      if (c >= 48 && c <= 57) pids.push(Number(name));
    }
    return pids.sort((a, b) => a - b);
  }

  /** Descriptor count from the fd directory's size, -1 when unknown. */
  private fdCount(pid: number): number {
    const stat = statSync(`${this.procRoot}/${pid}/fd`, { throwIfNoEntry: false });
    return stat ? stat.size : -1;
  }

  /** Reads `pid`'s new descriptor links, claiming wanted socket inodes; remembers it for the last pass. */
  private examine(pid: number, wanted: Set<number>, found: Map<number, number>, alive: InodeSet, stats: OwnerSearchStats, examined: number[]): void {
    let links = this.processes.get(pid);
    if (!links) {
      links = new FdLinks();
      this.processes.set(pid, links);
    }
    const status = links.readNew(`${this.procRoot}/${pid}/fd`, pid, wanted, found, alive, stats);
    if (status === 'denied') stats.deniedProcesses++;
    if (status !== 'read') return;
    stats.examinedProcesses++;
    if (links.hasSkipped) examined.push(pid);
  }

  /** How many cached descriptors (in all processes) hold each socket inode. */
  private holderCounts(): Map<number, number> {
    const holders = new Map<number, number>();
    for (const links of this.processes.values()) links.forEachSocket((inode) => holders.set(inode, (holders.get(inode) ?? 0) + 1));
    return holders;
  }

  /** Drops what is remembered of pids that no longer exist. */
  private forgetExited(livePids: number[]): void {
    const live = new Set(livePids);
    for (const pid of this.processes.keys()) if (!live.has(pid)) this.processes.delete(pid);
  }
}
