import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeys, loadOrCreateKeys } from './host-key.js';

const dir = mkdtempSync(join(tmpdir(), 'host-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('host keys', () => {
  it('creates a private key file once and derives distinct keys from it', () => {
    const path = join(dir, 'host.key');
    const first = loadOrCreateKeys(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(loadOrCreateKeys(path)).toEqual(first);
    expect(first.mask.equals(first.checkpoint)).toBe(false);
  });

  it('names a malformed or missing key file in one line', () => {
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, 'hunter2\n');
    expect(() => loadKeys(bad)).toThrow(`${bad}: line 1: expected a 64-hex-digit key`);
    expect(() => loadKeys(join(dir, 'none'))).toThrow(/none: cannot read key file \(ENOENT\)/);
  });
});
