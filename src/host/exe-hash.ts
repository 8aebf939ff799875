import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Executables are hashed in 1 MiB chunks through one reused buffer. */
const CHUNK_BYTES = 1 << 20;

/**
 * SHA-256 of executables, cached by (dev, inode, mtime, size) so each binary
 * is hashed once however many processes run it, and re-hashed if replaced.
 */
export class ExeHasher {
  private readonly cache = new Map<string, string>();
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);

  /**
   * Hex SHA-256 of the file behind `path` (e.g. `/proc/42/exe`, which still
   * opens a deleted binary), or '' when it cannot be read.
   * @example new ExeHasher().hash('/proc/self/exe')
   */
  hash(path: string): string {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return '';
    }
    try {
      const st = fstatSync(fd, { bigint: true });
      const key = `${st.dev}:${st.ino}:${st.mtimeNs}:${st.size}`;
      const known = this.cache.get(key);
      if (known !== undefined) return known;
      const digest = this.hashOpenFile(fd, Number(st.size));
      this.cache.set(key, digest);
      return digest;
    } catch {
      return '';
    } finally {
      closeSync(fd);
    }
  }

  /** Hashes `size` bytes of an open file (the bound: a file growing while read is cut at its stat size). */
  private hashOpenFile(fd: number, size: number): string {
    const sha = createHash('sha256');
    let done = 0;
    while (done < size) {
      const n = readSync(fd, this.chunk, 0, Math.min(CHUNK_BYTES, size - done), done);
      if (n === 0) break;
      sha.update(this.chunk.subarray(0, n));
      done += n;
    }
    return sha.digest('hex');
  }
}
