import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ancestryId, ancestryOf, formatAncestor } from './ancestry.js';
import { writeFakeProc } from './fake-proc.js';
import { ScratchBuffer } from './proc-read.js';

const root = mkdtempSync(join(tmpdir(), 'fake-proc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const scratch = new ScratchBuffer();

describe('ancestryOf', () => {
  it('walks this process up to init', () => {
    const chain = ancestryOf('/proc', process.pid, scratch);
    expect(chain[0].pid).toBe(process.pid);
    expect(chain[1].pid).toBe(process.ppid);
    expect(chain.at(-1)!.pid).toBe(1);
  });

  it('stops at a parent pid that was reused by a younger process', () => {
    writeFakeProc(root, [
      { pid: 1, comm: 'init', ppid: 0, startTicks: 1 },
      { pid: 50, comm: 'sshd', ppid: 1, startTicks: 900 },
      { pid: 70, comm: 'a) b (c', ppid: 50, startTicks: 500 },
      { pid: 80, comm: 'bash', ppid: 1, startTicks: 100 },
      { pid: 90, comm: 'curl', ppid: 80, startTicks: 200 },
    ]);
    expect(ancestryOf(root, 70, scratch).map(formatAncestor)).toEqual(['70:a) b (c:500']);
    expect(ancestryOf(root, 90, scratch).map(formatAncestor)).toEqual(['90:curl:200', '80:bash:100', '1:init:1']);
  });
});

describe('ancestryId', () => {
  it('depends on the boot and on each pid and start time, not on names', () => {
    const chain = [{ pid: 90, name: 'curl', startTicks: 200 }, { pid: 1, name: 'init', startTicks: 1 }];
    const renamed = [{ ...chain[0], name: 'x' }, chain[1]];
    const reused = [{ ...chain[0], startTicks: 201 }, chain[1]];
    expect(ancestryId('boot-a', renamed)).toBe(ancestryId('boot-a', chain));
    expect(ancestryId('boot-a', reused)).not.toBe(ancestryId('boot-a', chain));
    expect(ancestryId('boot-b', chain)).not.toBe(ancestryId('boot-a', chain));
  });
});
