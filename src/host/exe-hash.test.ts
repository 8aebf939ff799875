import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExeHasher } from './exe-hash.js';

const dir = mkdtempSync(join(tmpdir(), 'exe-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('ExeHasher', () => {
  it('hashes a file and re-hashes it once it is replaced', () => {
    const path = join(dir, 'tool');
    const hasher = new ExeHasher();
    writeFileSync(path, 'v1');
    expect(hasher.hash(path)).toBe(sha('v1'));
    writeFileSync(path, 'v2-longer');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(hasher.hash(path)).toBe(sha('v2-longer'));
  });

  it('returns empty for an unreadable path', () => {
    expect(new ExeHasher().hash(join(dir, 'absent'))).toBe('');
  });
});
