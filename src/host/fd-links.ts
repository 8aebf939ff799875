import { readdirSync, readlinkSync } from 'node:fs';
import { MAX_FDS_PER_PROCESS } from './limits.js';

/** Anything with `has(inode)`: the connections alive now (a Set, or the scanner's Map). */
export interface InodeSet {
  has(inode: number): boolean;
}

/** Counts the descriptor links read (readlink calls), the cost the cache saves. */
export interface ReadCount {
  linksRead: number;
}

/** Link target not known: the descriptor was never read (or its entry was carried over unread). */
const UNKNOWN = -1;

/** Outcome of listing a process's descriptors: read, denied (another user's process, not root) or gone (exited). */
export type FdReadStatus = 'read' | 'denied' | 'gone';

/**
 * One process's descriptors as last read: descriptor name → socket inode
 * (0 for anything that is not a socket, {@link UNKNOWN} when not read).
 * A cached inode is never taken as an answer: it only lets a later read skip
 * a descriptor that still held a live, already attributed connection, the
 * bulk of a process with thousands of them. Every inode claimed comes from a
 * fresh readlink.
 */
export class FdLinks {
  /** Descriptors listed by the last {@link readNew}, -1 before it. */
  count = -1;
  private links = new Map<string, number>();
  /** Descriptors skipped by the last {@link readNew}, for {@link readSkipped}. */
  private skipped: string[] = [];

  /**
   * Lists the descriptors of `dir` (/proc/PID/fd) and reads every link except
   * those cached as a connection that is still `alive` and not `wanted`
   * (kept for {@link readSkipped}). Found wanted inodes are removed from
   * `wanted` and recorded as owned by `pid` in `found`. Once `wanted` is
   * empty, the remaining descriptors are listed but not read.
   */
  readNew(dir: string, pid: number, wanted: Set<number>, found: Map<number, number>, alive: InodeSet, reads: ReadCount): FdReadStatus {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EACCES' ? 'denied' : 'gone';
    }
    this.count = names.length;
    const old = this.links;
    const links = new Map<string, number>();
    this.skipped = [];
    const limit = Math.min(names.length, MAX_FDS_PER_PROCESS);
    for (let i = 0; i < limit; i++) {
      const name = names[i];
      const cached = old.get(name) ?? UNKNOWN;
      if (wanted.size === 0 || (cached > 0 && alive.has(cached) && !wanted.has(cached))) {
        links.set(name, cached);
        if (cached > 0) this.skipped.push(name);
        continue;
      }
      links.set(name, claim(readLinkOrEmpty(`${dir}/${name}`), pid, wanted, found));
      reads.linksRead++;
    }
    this.links = links;
    return 'read';
  }

  /**
   * Reads the descriptors the last {@link readNew} skipped: a descriptor
   * closed and reused for a new socket while its old socket lives on in
   * another process (fork, descriptor passing) is found here.
   */
  readSkipped(dir: string, pid: number, wanted: Set<number>, found: Map<number, number>, reads: ReadCount): void {
    for (const name of this.skipped) {
      if (wanted.size === 0) return;
      this.links.set(name, claim(readLinkOrEmpty(`${dir}/${name}`), pid, wanted, found));
      reads.linksRead++;
    }
    this.skipped = [];
  }

  /** Whether the last {@link readNew} skipped any descriptor. */
  get hasSkipped(): boolean {
    return this.skipped.length > 0;
  }
}

/** Socket inode of link `target` (0 for anything else), claimed for `pid` when wanted. */
function claim(target: string, pid: number, wanted: Set<number>, found: Map<number, number>): number {
  const inode = socketInode(target);
  if (inode > 0 && wanted.delete(inode)) found.set(inode, pid);
  return inode;
}

/**
 * Inode of a `socket:[N]` link target, or 0 for anything else.
 * @example socketInode('socket:[12345]') // 12345
 */
export function socketInode(target: string): number {
  const end = target.length - 1;
  if (end < 9 || target.charCodeAt(end) !== 93 || !target.startsWith('socket:[')) return 0;
  let inode = 0;
  for (let i = 8; i < end; i++) {
    const digit = target.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    inode = inode * 10 + digit;
  }
  return Number.isSafeInteger(inode) ? inode : 0;
}

/** A descriptor link's target, '' when the descriptor closed meanwhile. */
function readLinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
