import { ancestryOf, type Ancestor } from './ancestry.js';
import type { ExeHasher } from './exe-hash.js';
import { MAX_SMALL_FILE_BYTES } from './limits.js';
import { readProcessInfo, readText, type ProcessInfo } from './process-info.js';
import { parseProcStat } from './proc-stat.js';
import type { ScratchBuffer } from './proc-read.js';

/** Processes remembered; beyond this the oldest half is dropped (bounded memory on busy hosts). */
const MAX_CACHED = 4096;

/** A process's facts and lineage, as read when first seen. */
export interface KnownProcess {
  info: ProcessInfo;
  chain: Ancestor[];
}

/**
 * Process facts and lineage cached by identity (pid, start ticks) and name (which `exec`
 * changes while the identity stays): a process with many
 * sockets is read once, and a reused pid (new start time) is read afresh.
 * The lineage is the one at first sighting: the parents that made it.
 */
export class ProcessCache {
  private readonly byIdentity = new Map<string, KnownProcess>();
  /** Lookups of the current poll: a process with many new sockets is checked once per poll. */
  private readonly thisPoll = new Map<number, KnownProcess | null>();

  constructor(private readonly procRoot: string, private readonly scratch: ScratchBuffer, private readonly hasher: ExeHasher) {}

  /**
   * Facts and lineage of `pid` now, or null when it has exited.
   * @example cache.get(process.pid)?.info.argv
   */
  get(pid: number): KnownProcess | null {
    const seen = this.thisPoll.get(pid);
    if (seen !== undefined) return seen;
    const known = this.lookup(pid);
    this.thisPoll.set(pid, known);
    return known;
  }

  /** Starts a new poll: processes may have exited or exec'd since the last. */
  nextPoll(): void {
    this.thisPoll.clear();
  }

  /** Cached facts when the identity is unchanged, else a fresh read. */
  private lookup(pid: number): KnownProcess | null {
    const text = readText(`${this.procRoot}/${pid}/stat`, this.scratch, MAX_SMALL_FILE_BYTES);
    const stat = text === null ? null : parseProcStat(text);
    if (!stat) return null;
    const key = `${pid}:${stat.startTicks}:${stat.comm}`;
    const cached = this.byIdentity.get(key);
    if (cached) return cached;
    const info = readProcessInfo(this.procRoot, pid, this.scratch, this.hasher);
    if (!info) return null;
    const known = { info, chain: ancestryOf(this.procRoot, pid, this.scratch) };
    if (info.startTicks !== stat.startTicks) return known;
    if (this.byIdentity.size >= MAX_CACHED) this.evictOldest();
    this.byIdentity.set(key, known);
    return known;
  }

  /** Drops the older half of the entries (Map keeps insertion order). */
  private evictOldest(): void {
    let drop = this.byIdentity.size / 2;
    for (const key of this.byIdentity.keys()) {
      if (drop-- <= 0) break;
      this.byIdentity.delete(key);
    }
  }
}
