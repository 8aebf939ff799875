import { MAX_SMALL_FILE_BYTES } from './limits.js';
import { readText } from './process-info.js';
import type { ScratchBuffer } from './proc-read.js';

/** Sockets in use per protocol, from /proc/net/sockstat{,6}; -1 when unknown. */
export interface SocketsInUse {
  tcp: number;
  udp: number;
  tcp6: number;
  udp6: number;
}

/**
 * Reads how many TCP and UDP sockets of each family are hashed (listening or
 * connected) in this network namespace. A table whose count is 0 has no
 * socket with an owner, so it need not be read; reading /proc/net/tcp6 walks
 * the whole established hash (shared with IPv4) even when it prints nothing.
 * @example socketsInUse('/proc', scratch).tcp6 // 0 on a host without IPv6 TCP sockets
 */
export function socketsInUse(procRoot: string, scratch: ScratchBuffer): SocketsInUse {
  const v4 = readText(`${procRoot}/net/sockstat`, scratch, MAX_SMALL_FILE_BYTES) ?? '';
  const v6 = readText(`${procRoot}/net/sockstat6`, scratch, MAX_SMALL_FILE_BYTES) ?? '';
  return { tcp: inUse(v4, 'TCP'), udp: inUse(v4, 'UDP'), tcp6: inUse(v6, 'TCP6'), udp6: inUse(v6, 'UDP6') };
}

/**
 * The `inuse` figure of the `label:` line of sockstat text, or -1.
 * @example inUse('TCP: inuse 3 orphan 0 tw 2\n', 'TCP') // 3
 */
export function inUse(text: string, label: string): number {
  const prefix = `${label}: inuse `;
  const at = text.startsWith(prefix) ? 0 : text.indexOf(`\n${prefix}`) + 1;
  if (at === 0 && !text.startsWith(prefix)) return -1;
  const start = at + prefix.length;
  let end = start;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end > start && end - start <= 15 ? Number(text.slice(start, end)) : -1;
}
