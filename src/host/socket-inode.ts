import { readlinkSync } from 'node:fs';

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

/**
 * Socket inode behind a descriptor link (`/proc/PID/fd/N`), 0 for any other
 * link or a descriptor closed meanwhile.
 * @example readSocketInode(`/proc/self/fd/${fd}`)
 */
export function readSocketInode(path: string): number {
  try {
    return socketInode(readlinkSync(path));
  } catch {
    return 0;
  }
}
