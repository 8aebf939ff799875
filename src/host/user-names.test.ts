import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserNames } from './user-names.js';

const dir = mkdtempSync(join(tmpdir(), 'passwd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('UserNames', () => {
  it('names uids from passwd and picks up users added later', () => {
    const path = join(dir, 'passwd');
    writeFileSync(path, 'root:x:0:0:root:/root:/bin/bash\nbroken line\n');
    const users = new UserNames(path);
    expect(users.name(0)).toBe('root');
    expect(users.name(1000)).toBe('');
    writeFileSync(path, 'root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n');
    users.invalidate();
    expect(users.name(1000)).toBe('alice');
  });
});
