import type { Writable } from 'node:stream';

/**
 * Ends the process quietly when the reader of `out` goes away (`tracer export
 * … | head`), as command-line tools do, instead of failing on EPIPE.
 */
export function exitOnBrokenPipe(out: Writable): void {
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}
