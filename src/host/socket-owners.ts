import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { MAX_FDS_PER_PROCESS, MAX_PROCESSES } from './limits.js';

/** What one owner search could not see: processes whose descriptors were unreadable. */
export interface OwnerSearchStats {
  /** Processes whose /proc/PID/fd was denied (not root): their sockets stay unattributed. */
  deniedProcesses: number;
  /** Processes whose descriptors were listed in this search. */
  examinedProcesses: number;
}

/**
 * Maps socket inodes to the pid holding them, by reading `/proc/PID/fd/*`
 * links (`socket:[N]`). Only inodes not yet attributed are searched for, and
 * the search stops once all are found. Processes whose descriptor count
 * (the size of /proc/PID/fd, Linux ≥ 6.2) changed since the last search are
 * examined first; the others only when inodes are still missing, so a
 * closed-and-reopened descriptor is still found, just later in the search.
 */
export class SocketOwners {
  private readonly fdCounts = new Map<number, number>();

  constructor(private readonly procRoot = '/proc') {}

  /**
   * Finds the lowest-numbered pid holding each inode of `wanted`, removing
   * found inodes from it and recording them in `found` (inode → pid).
   * @example owners.search(new Set([12345]), found)
   */
  search(wanted: Set<number>, found: Map<number, number>): OwnerSearchStats {
    const stats: OwnerSearchStats = { deniedProcesses: 0, examinedProcesses: 0 };
    if (wanted.size === 0) return stats;
    const pids = this.listPids();
    const unchanged: number[] = [];
    for (const pid of pids) {
      if (wanted.size === 0) return stats;
      const cached = this.fdCounts.get(pid);
      const count = cached === undefined ? -1 : this.fdCount(pid);
      if (count >= 0 && cached === count) unchanged.push(pid);
      else this.examine(pid, wanted, found, stats);
    }
    for (const pid of unchanged) {
      if (wanted.size === 0) break;
      this.examine(pid, wanted, found, stats);
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
    try {
      return statSync(`${this.procRoot}/${pid}/fd`).size;
    } catch {
      return -1;
    }
  }

  /** Reads every descriptor link of `pid`, claiming wanted socket inodes. */
  private examine(pid: number, wanted: Set<number>, found: Map<number, number>, stats: OwnerSearchStats): void {
    const dir = `${this.procRoot}/${pid}/fd`;
    let fds: string[];
    try {
      fds = readdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EACCES') stats.deniedProcesses++;
      return;
    }
    stats.examinedProcesses++;
    this.fdCounts.set(pid, fds.length);
    const limit = Math.min(fds.length, MAX_FDS_PER_PROCESS);
    for (let i = 0; i < limit; i++) {
      const inode = socketInode(readLinkOrEmpty(`${dir}/${fds[i]}`));
      if (inode > 0 && wanted.delete(inode)) found.set(inode, pid);
    }
  }

  /** Drops cached counts of pids that no longer exist. */
  private forgetExited(livePids: number[]): void {
    if (this.fdCounts.size <= livePids.length) return;
    const live = new Set(livePids);
    for (const pid of this.fdCounts.keys()) if (!live.has(pid)) this.fdCounts.delete(pid);
  }
}

/** Inode of a `socket:[N]` link target, or 0 for anything else. */
export function socketInode(target: string): number {
  if (!target.startsWith('socket:[') || !target.endsWith(']')) return 0;
  const inode = Number(target.slice(8, -1));
  return Number.isSafeInteger(inode) && inode > 0 ? inode : 0;
}

/** A descriptor link's target, '' when the descriptor closed meanwhile. */
function readLinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
