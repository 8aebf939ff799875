import { MAX_SMALL_FILE_BYTES } from './limits.js';
import { readText } from './process-info.js';
import type { ScratchBuffer } from './proc-read.js';

/**
 * TCP connections opened since boot in this network namespace: ActiveOpens
 * (connect) + PassiveOpens (accept) from /proc/net/snmp, or -1 when unreadable.
 * Each TCP connection socket a poll can see is exactly one of these opens.
 * @example tcpOpens('/proc', scratch) // 1234
 */
export function tcpOpens(procRoot: string, scratch: ScratchBuffer): number {
  const text = readText(`${procRoot}/net/snmp`, scratch, MAX_SMALL_FILE_BYTES);
  if (text === null) return -1;
  const lines = text.split('\n').filter((l) => l.startsWith('Tcp:'));
  if (lines.length < 2) return -1;
  const names = lines[0].split(/\s+/);
  const values = lines[1].split(/\s+/);
  const active = Number(values[names.indexOf('ActiveOpens')]);
  const passive = Number(values[names.indexOf('PassiveOpens')]);
  return Number.isFinite(active) && Number.isFinite(passive) ? active + passive : -1;
}

/**
 * Estimates TCP connections born and dead between two polls: the rise of the
 * kernel's open counters minus the TCP births the poll saw. Never negative.
 * @example unseenBetweenPolls(100, 130, 25) // 5
 */
export function unseenBetweenPolls(opensBefore: number, opensAfter: number, seenBirths: number): number {
  if (opensBefore < 0 || opensAfter < 0) return 0;
  return Math.max(0, opensAfter - opensBefore - seenBirths);
}
