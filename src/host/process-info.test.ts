import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExeHasher } from './exe-hash.js';
import { readProcessInfo } from './process-info.js';
import { ScratchBuffer } from './proc-read.js';

describe('readProcessInfo', () => {
  it('reads a child\'s command line, cwd, executable hash and environment hash', async () => {
    const env = { PATH: '/usr/bin', SECRET: 'never stored' };
    const child = spawn('/usr/bin/sleep', ['30'], { cwd: '/tmp', env, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 100));
    const info = readProcessInfo('/proc', child.pid!, new ScratchBuffer(), new ExeHasher());
    child.kill('SIGKILL');
    expect(info).toMatchObject({ pid: child.pid, ppid: process.pid, comm: 'sleep', argv: ['/usr/bin/sleep', '30'], cwd: '/tmp', exe: '/usr/bin/sleep', uid: process.getuid!(), missing: [] });
    expect(info!.envSha256).toBe(createHash('sha256').update('PATH=/usr/bin\0SECRET=never stored\0').digest('hex'));
    expect(info!.exeSha256).toBe(createHash('sha256').update(readFileSync('/usr/bin/sleep')).digest('hex'));
    expect(JSON.stringify(info)).not.toContain('never stored');
  });

  it('returns null for a pid that does not exist', () => {
    expect(readProcessInfo('/proc', 2 ** 30, new ScratchBuffer(), new ExeHasher())).toBeNull();
  });
});
