import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProcInto, ScratchBuffer } from './proc-read.js';

const dir = mkdtempSync(join(tmpdir(), 'proc-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A FIFO whose writer sends `chunks` (byte counts) as separate writes, 200 ms
 * apart, like a seq_file's reads, then keeps it open for `holdSeconds`.
 */
function fifoWriting(name: string, chunks: number[], holdSeconds: number): string {
  const path = join(dir, name);
  spawnSync('mkfifo', [path]);
  const writes = chunks.map((n) => `head -c ${n} /dev/zero; sleep 0.2`).join('; ');
  spawn('sh', ['-c', `exec > '${path}'; ${writes}; sleep ${holdSeconds}`], { stdio: 'ignore' }).unref();
  return path;
}

describe('readProcInto', () => {
  it('stops after a short read that left room for another record, without waiting for end of file', () => {
    const path = fifoWriting('short', [4050, 600], 5);
    const started = Date.now();
    expect(readProcInto(path, new ScratchBuffer(), 1 << 20, 512)).toBe(4650);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reads on to end of file when a short read could have been a full kernel buffer', () => {
    const path = fifoWriting('full', [4050, 3700], 0);
    expect(readProcInto(path, new ScratchBuffer(), 1 << 20, 512)).toBe(7750);
  });

  it('reads whole files without a record bound', () => {
    const path = fifoWriting('plain', [100, 50], 0);
    expect(readProcInto(path, new ScratchBuffer(), 1 << 20)).toBe(150);
  });
});
