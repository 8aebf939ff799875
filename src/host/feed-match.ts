import { readFileSync } from 'node:fs';
import { InputError } from '../cli/command.js';
import { maskAddress } from './endpoint-mask.js';
import { canonicalIp } from './ip-text.js';
import type { LoggedBirth } from './host-log-reader.js';

/** Feed entries read at most: far above real IP blocklists, bounds a hostile file. */
const MAX_FEED_ENTRIES = 10_000_000;

/** One feed address found among masked records. */
export interface FeedMatch {
  address: string;
  birth: LoggedBirth;
}

/**
 * Reads an address feed: one IPv4/IPv6 address per line; blank lines and
 * `#` comments (whole-line or trailing) are skipped. Anything else is an
 * InputError naming the file and line.
 * @example readFeed('blocklist.txt') // ['198.51.100.7', …]
 */
export function readFeed(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < MAX_FEED_ENTRIES; i++) {
    const entry = lines[i].replace(/#.*/, '').trim();
    if (entry === '') continue;
    const ip = canonicalIp(entry);
    if (!ip) throw new InputError(`${path}: line ${i + 1}: not an IP address: ${JSON.stringify(entry.slice(0, 60))}`);
    out.push(ip);
  }
  return out;
}

/**
 * Masks each feed address with the key and finds the births whose remote
 * mask equals it: the key turns the one-way masks back into a lookup.
 * @example matchFeed(keys.mask, readFeed('feed.txt'), log.births)
 */
export function matchFeed(maskKey: Buffer, feed: readonly string[], births: readonly LoggedBirth[]): FeedMatch[] {
  const byMask = new Map<string, string>();
  for (const address of feed) byMask.set(maskAddress(maskKey, address), address);
  const out: FeedMatch[] = [];
  for (const birth of births) {
    const address = byMask.get(birth.remote_mask);
    if (address !== undefined) out.push({ address, birth });
  }
  return out;
}
