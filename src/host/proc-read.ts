import { closeSync, openSync, readSync } from 'node:fs';

/** Returned by {@link readProcInto} when the file (or its process) no longer exists. */
export const PROC_GONE = -1;
/** Returned by {@link readProcInto} when permission is denied (not root, another user's process). */
export const PROC_DENIED = -2;

/** A growable buffer reused for every /proc read, so scans do not allocate per file. */
export class ScratchBuffer {
  /** Current backing storage; replaced by a larger one when a file does not fit. */
  buf: Buffer = Buffer.allocUnsafe(64 * 1024);
}

/**
 * Smallest Linux page size: a seq_file (/proc/net/tcp …) fills a buffer of
 * at least this many bytes per read, stopping early only when the next record
 * does not fit or when the records run out.
 */
const MIN_SEQ_BUFFER = 4096;

/**
 * Reads a whole /proc file (whose stat size is 0, so it is read to EOF) into
 * `scratch.buf`, growing it up to `limit` bytes. Returns the byte length, or
 * {@link PROC_GONE} / {@link PROC_DENIED}. Files longer than `limit` are cut.
 *
 * With `maxRecord` (an upper bound on one record's length, for seq_file
 * tables), a short read that left room for another record in the kernel's
 * buffer (≤ 4096 − maxRecord bytes) proves the records ran out, so the final
 * read that would return 0 is skipped: for /proc/net/tcp that read is not
 * free, since the kernel walks the whole socket hash again to find the end.
 * @example const n = readProcInto('/proc/net/tcp', scratch, MAX_NET_TABLE_BYTES, 512);
 */
export function readProcInto(path: string, scratch: ScratchBuffer, limit: number, maxRecord = MIN_SEQ_BUFFER): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return errorStatus(err);
  }
  try {
    let length = 0;
    while (length < limit) {
      if (length === scratch.buf.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit, scratch.buf.length * 2));
        scratch.buf.copy(grown, 0, 0, length);
        scratch.buf = grown;
      }
      const want = scratch.buf.length - length;
      const n = readSync(fd, scratch.buf, length, want, null);
      length += n;
      if (n === 0 || (n < want && n <= MIN_SEQ_BUFFER - maxRecord)) break;
    }
    return length;
  } catch (err) {
    return errorStatus(err);
  } finally {
    closeSync(fd);
  }
}

/** Maps a filesystem error to a read status; anything but gone/denied is treated as gone. */
function errorStatus(err: unknown): number {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? PROC_DENIED : PROC_GONE;
}
