import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { containerOf, type ContainerRef } from './cgroup.js';
import type { ExeHasher } from './exe-hash.js';
import { MAX_ARGS_BYTES, MAX_SMALL_FILE_BYTES } from './limits.js';
import { parseProcStat, ttyName, type ProcStat } from './proc-stat.js';
import { readProcInto, type ScratchBuffer } from './proc-read.js';

/** Everything a birth certificate says about the process that owns a socket. */
export interface ProcessInfo extends ProcStat {
  /** Real uid from /proc/PID/status, -1 when unreadable. */
  uid: number;
  /** Argument vector (NUL-separated in /proc, attacker-chosen text). */
  argv: string[];
  cwd: string;
  exe: string;
  exeSha256: string;
  /** SHA-256 of the raw environment block; the environment itself is never kept. */
  envSha256: string;
  tty: string;
  cgroup: string;
  container: ContainerRef;
  /** Facts that could not be read (permissions, process exited): named, not silently blank. */
  missing: string[];
}

/**
 * Reads /proc/PID/{stat,status,cmdline,cwd,exe,environ,cgroup} into one
 * record. Returns null when the process is gone (its stat is unreadable).
 * @example readProcessInfo('/proc', 42, scratch, hasher)?.argv
 */
export function readProcessInfo(procRoot: string, pid: number, scratch: ScratchBuffer, hasher: ExeHasher): ProcessInfo | null {
  const dir = `${procRoot}/${pid}`;
  const statText = readText(`${dir}/stat`, scratch, MAX_SMALL_FILE_BYTES);
  const stat = statText === null ? null : parseProcStat(statText);
  if (!stat) return null;
  const missing: string[] = [];
  const statusText = readText(`${dir}/status`, scratch, MAX_SMALL_FILE_BYTES) ?? '';
  const uidMatch = /^Uid:\s+(\d+)/m.exec(statusText);
  const cmdline = readText(`${dir}/cmdline`, scratch, MAX_ARGS_BYTES);
  if (cmdline === null) missing.push('cmdline');
  const cgroup = readText(`${dir}/cgroup`, scratch, MAX_SMALL_FILE_BYTES) ?? '';
  const envLength = readProcInto(`${dir}/environ`, scratch, MAX_ARGS_BYTES);
  const envSha256 = envLength < 0 ? '' : createHash('sha256').update(scratch.buf.subarray(0, envLength)).digest('hex');
  if (envLength < 0) missing.push('environ');
  const cwd = readLink(`${dir}/cwd`, 'cwd', missing);
  const exe = readLink(`${dir}/exe`, 'exe', missing);
  const exeSha256 = exe === '' ? '' : hasher.hash(`${dir}/exe`);
  if (exe !== '' && exeSha256 === '') missing.push('exe_sha256');
  return {
    ...stat,
    uid: uidMatch ? Number(uidMatch[1]) : -1,
    argv: cmdline ? splitArgs(cmdline) : [],
    cwd,
    exe,
    exeSha256,
    envSha256,
    tty: ttyName(stat.ttyNr),
    cgroup: cgroup.trim(),
    container: containerOf(cgroup),
    missing,
  };
}

/** Reads a /proc file as UTF-8 text, or null when unreadable. */
export function readText(path: string, scratch: ScratchBuffer, limit: number): string | null {
  const length = readProcInto(path, scratch, limit);
  if (length < 0) return null;
  return scratch.buf.toString('utf8', 0, length);
}

/** NUL-separated argument block to an argument vector (a trailing NUL ends the last). */
function splitArgs(block: string): string[] {
  const args = block.split('\0');
  if (args.length > 0 && args[args.length - 1] === '') args.pop();
  return args;
}

/** Target of a /proc symlink; '' plus a `missing` note when unreadable. */
function readLink(path: string, field: string, missing: string[]): string {
  try {
    return readlinkSync(path);
  } catch {
    missing.push(field);
    return '';
  }
}
