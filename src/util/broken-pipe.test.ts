import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { exitOnBrokenPipe } from './broken-pipe.js';

describe('exitOnBrokenPipe', () => {
  it('exits 0 on EPIPE and rethrows other errors', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const out = new PassThrough();
    exitOnBrokenPipe(out);
    out.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exit).toHaveBeenCalledWith(0);
    expect(() => out.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
    exit.mockRestore();
  });
});
