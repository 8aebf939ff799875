import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maskAddress } from './endpoint-mask.js';
import { matchFeed, readFeed } from './feed-match.js';
import { deriveKeys } from './host-key.js';
import type { LoggedBirth } from './host-log-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = deriveKeys(Buffer.alloc(32, 9)).mask;

/** A feed file with the given text. */
function feedFile(text: string): string {
  const path = join(dir, `feed-${Math.abs(text.length)}.txt`);
  writeFileSync(path, text);
  return path;
}

describe('readFeed', () => {
  it('reads addresses, skipping comments and blank lines, in canonical form', () => {
    expect(readFeed(feedFile('# list\n\n198.51.100.7\n2001:DB8::0:1  # v6\n::ffff:203.0.113.9\n'))).toEqual(['198.51.100.7', '2001:db8::1', '203.0.113.9']);
  });

  it('names the file and line of a bad entry', () => {
    const path = feedFile('198.51.100.7\n198.51.100.0/24\n');
    expect(() => readFeed(path)).toThrow(`${path}: line 2: not an IP address: "198.51.100.0/24"`);
  });
});

describe('matchFeed', () => {
  it('matches masked records only under the key that masked them', () => {
    const birth = { seq: 4, remote_mask: maskAddress(key, '2001:db8::1') } as LoggedBirth;
    expect(matchFeed(key, ['198.51.100.7', '2001:db8::1'], [birth])).toEqual([{ address: '2001:db8::1', birth }]);
    expect(matchFeed(deriveKeys(Buffer.alloc(32, 8)).mask, ['2001:db8::1'], [birth])).toEqual([]);
  });
});
