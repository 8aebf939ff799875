import { createHash } from 'node:crypto';
import { MAX_ANCESTRY_DEPTH, MAX_SMALL_FILE_BYTES } from './limits.js';
import { readText } from './process-info.js';
import { parseProcStat } from './proc-stat.js';
import type { ScratchBuffer } from './proc-read.js';

/** One process of a lineage: with the boot id, (pid, startTicks) names it uniquely. */
export interface Ancestor {
  pid: number;
  name: string;
  startTicks: number;
}

/**
 * The lineage of `pid`: the process itself, its parent, … up to init (pid 1)
 * or the first ancestor that can no longer be read. A parent that started
 * after its child is a reused pid, so the walk stops there rather than mixing
 * two processes.
 * @example ancestryOf('/proc', process.pid, scratch).map(formatAncestor)
 */
export function ancestryOf(procRoot: string, pid: number, scratch: ScratchBuffer): Ancestor[] {
  const chain: Ancestor[] = [];
  let next = pid;
  let childStart = Infinity;
  while (next > 0 && chain.length < MAX_ANCESTRY_DEPTH) {
    const text = readText(`${procRoot}/${next}/stat`, scratch, MAX_SMALL_FILE_BYTES);
    const stat = text === null ? null : parseProcStat(text);
    if (!stat || stat.startTicks > childStart) break;
    chain.push({ pid: stat.pid, name: stat.comm, startTicks: stat.startTicks });
    childStart = stat.startTicks;
    next = stat.pid === 1 ? 0 : stat.ppid;
  }
  return chain;
}

/** `pid:name:startTicks`, the chain element as certificates print it. */
export function formatAncestor(a: Ancestor): string {
  return `${a.pid}:${a.name}:${a.startTicks}`;
}

/** Name part of a `pid:name:startTicks` element (names may themselves hold colons). */
export function ancestorName(element: string): string {
  return element.slice(element.indexOf(':') + 1, element.lastIndexOf(':'));
}

/**
 * Stable id of a lineage: SHA-256 (first 32 hex) over the boot id and each
 * ancestor's (pid, start ticks). Names are left out, since `exec` changes them
 * while the process stays the same; start ticks make reused pids distinct.
 * @example ancestryId(boot.bootId, chain) // '3f2a…' (32 hex)
 */
export function ancestryId(bootId: string, chain: readonly Ancestor[]): string {
  const sha = createHash('sha256').update(bootId);
  for (const a of chain) sha.update(`/${a.pid}:${a.startTicks}`);
  return sha.digest('hex').slice(0, 32);
}
