import type { ExeHasher } from './exe-hash.js';
import { MAX_SMALL_FILE_BYTES } from './limits.js';
import { readProcessInfo, readText, type ProcessInfo } from './process-info.js';
import { parseProcStat } from './proc-stat.js';
import type { ScratchBuffer } from './proc-read.js';

/** Processes remembered; beyond this the oldest half is dropped (bounded memory on busy hosts). */
const MAX_CACHED = 4096;

/**
 * Process facts cached by identity (pid, start ticks) and name (which `exec`
 * changes while the identity stays): a process with many
 * sockets is read once, and a reused pid (new start time) is read afresh.
 */
export class ProcessCache {
  private readonly byIdentity = new Map<string, ProcessInfo>();

  constructor(private readonly procRoot: string, private readonly scratch: ScratchBuffer, private readonly hasher: ExeHasher) {}

  /**
   * Facts about `pid` now, or null when it has exited.
   * @example cache.get(process.pid)?.argv
   */
  get(pid: number): ProcessInfo | null {
    const text = readText(`${this.procRoot}/${pid}/stat`, this.scratch, MAX_SMALL_FILE_BYTES);
    const stat = text === null ? null : parseProcStat(text);
    if (!stat) return null;
    const key = `${pid}:${stat.startTicks}:${stat.comm}`;
    const known = this.byIdentity.get(key);
    if (known) return known;
    const info = readProcessInfo(this.procRoot, pid, this.scratch, this.hasher);
    if (!info || info.startTicks !== stat.startTicks) return info;
    if (this.byIdentity.size >= MAX_CACHED) this.evictOldest();
    this.byIdentity.set(key, info);
    return info;
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
