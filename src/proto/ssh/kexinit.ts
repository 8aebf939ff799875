import { createHash } from 'node:crypto';
import { latin1 } from '../bytes.js';
import { MAX_ALGORITHMS_PER_LIST } from './limits.js';

/** The ten algorithm name-lists of an SSH_MSG_KEXINIT (RFC 4253 §7.1). */
export interface KexInit {
  kex: string[];
  hostKey: string[];
  encC2S: string[];
  encS2C: string[];
  macC2S: string[];
  macS2C: string[];
  compC2S: string[];
  compS2C: string[];
}

const LIST_NAMES = ['kex', 'hostKey', 'encC2S', 'encS2C', 'macC2S', 'macS2C', 'compC2S', 'compS2C'] as const;
/** Message number byte plus the 16-byte cookie before the name-lists. */
const KEXINIT_LISTS_OFFSET = 17;

/** Parses a KEXINIT payload (starting at its message number); null when truncated. */
export function parseKexInit(payload: Uint8Array): KexInit | null {
  const out = {} as KexInit;
  let pos = KEXINIT_LISTS_OFFSET;
  for (const name of LIST_NAMES) {
    if (pos + 4 > payload.length) return null;
    const length = new DataView(payload.buffer, payload.byteOffset + pos, 4).getUint32(0);
    if (pos + 4 + length > payload.length) return null;
    const text = latin1(payload, pos + 4, pos + 4 + length);
    out[name] = text === '' ? [] : text.split(',', MAX_ALGORITHMS_PER_LIST);
    pos += 4 + length;
  }
  return out;
}

/** HASSH algorithm string of a client (kex;enc;mac;cmp, client-to-server), as Salesforce defines it. */
export function hasshAlgorithms(k: KexInit): string {
  return [k.kex, k.encC2S, k.macC2S, k.compC2S].map((l) => l.join(',')).join(';');
}

/** HASSHServer algorithm string of a server (kex;enc;mac;cmp, server-to-client). */
export function hasshServerAlgorithms(k: KexInit): string {
  return [k.kex, k.encS2C, k.macS2C, k.compS2C].map((l) => l.join(',')).join(';');
}

/** MD5 hex of a HASSH algorithm string. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'latin1').digest('hex');
}

/** First client algorithm the server also offers (RFC 4253 §7.1), or null. */
export function negotiate(client: string[], server: string[]): string | null {
  for (const alg of client) if (server.includes(alg)) return alg;
  return null;
}

/** Zeek's find_bidirectional_alg: one name when both directions agree, else both. */
export function negotiateBoth(clientC2S: string[], serverC2S: string[], clientS2C: string[], serverS2C: string[]): string | null {
  const c2s = negotiate(clientC2S, serverC2S);
  const s2c = negotiate(clientS2C, serverS2C);
  return c2s === s2c ? c2s : `To server: ${c2s ?? '-'}, to client: ${s2c ?? '-'}`;
}
