import { readdirSync } from 'node:fs';
import { MAX_FDS_PER_PROCESS } from './limits.js';
import { readLinksInParallel } from './parallel-links.js';
import { readSocketInode } from './socket-inode.js';

/** Anything with `has(inode)`: the connections alive now (a Set, or the scanner's Map). */
export interface InodeSet {
  has(inode: number): boolean;
}

/** Counts the descriptor links read (readlink calls), the cost the cache saves. */
export interface ReadCount {
  linksRead: number;
}

/** From this many links to read in one process, a helper thread reads half of them. */
const PARALLEL_MIN_LINKS = 1024;

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
   * empty, the remaining descriptors are listed but not read; thousands of
   * links to read are read on two threads ({@link readLinksInParallel}).
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
    const toRead: string[] = [];
    this.skipped = [];
    const limit = Math.min(names.length, MAX_FDS_PER_PROCESS);
    for (let i = 0; i < limit; i++) {
      const name = names[i];
      const cached = old.get(name) ?? UNKNOWN;
      if (cached > 0 && alive.has(cached) && !wanted.has(cached)) {
        links.set(name, cached);
        this.skipped.push(name);
      } else {
        toRead.push(name);
      }
    }
    const inodes = toRead.length >= PARALLEL_MIN_LINKS ? readLinksInParallel(dir, toRead) : null;
    for (let i = 0; i < toRead.length; i++) {
      const name = toRead[i];
      if (!inodes && wanted.size === 0) {
        links.set(name, old.get(name) ?? UNKNOWN);
        continue;
      }
      links.set(name, claim(inodes ? inodes[i] : readSocketInode(`${dir}/${name}`), pid, wanted, found));
      reads.linksRead++;
    }
    this.links = links;
    return 'read';
  }

  /**
   * Reads the descriptors the last {@link readNew} skipped whose cached
   * socket is `shared` (cached at another descriptor too): a descriptor
   * closed and reused for a new socket while its old socket lives on
   * elsewhere (a child after fork, a dup, a passed descriptor) is found here.
   * An old socket that lives on is held somewhere, and every process was
   * listed before this pass, so its other holder is in some cache.
   */
  readSkipped(dir: string, pid: number, wanted: Set<number>, found: Map<number, number>, reads: ReadCount, shared: (inode: number) => boolean): void {
    for (const name of this.skipped) {
      if (wanted.size === 0) return;
      if (!shared(this.links.get(name)!)) continue;
      this.links.set(name, claim(readSocketInode(`${dir}/${name}`), pid, wanted, found));
      reads.linksRead++;
    }
    this.skipped = [];
  }

  /** Calls `fn` with each socket inode cached for this process (once per descriptor). */
  forEachSocket(fn: (inode: number) => void): void {
    for (const inode of this.links.values()) if (inode > 0) fn(inode);
  }

  /** Whether the last {@link readNew} skipped any descriptor. */
  get hasSkipped(): boolean {
    return this.skipped.length > 0;
  }
}

/** Records socket `inode` (0 for anything else) as held by `pid` when wanted; returns it. */
function claim(inode: number, pid: number, wanted: Set<number>, found: Map<number, number>): number {
  if (inode > 0 && wanted.delete(inode)) found.set(inode, pid);
  return inode;
}
