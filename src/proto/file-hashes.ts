import { createHash, hash, type Hash } from 'node:crypto';

/** Algorithms of files.log (md5, sha1, sha256 fields), in that order. */
const ALGORITHMS = ['md5', 'sha1', 'sha256'] as const;

/**
 * Bytes gathered before they are handed to the hashes: body bytes arrive a TCP
 * segment (~1.4 KB) at a time, and three native calls per segment cost more
 * than one copy into a batch. Larger batches hash no faster, and every file in
 * transfer holds one (hundreds at once on a busy link).
 */
export const HASH_BATCH_BYTES = 16 * 1024;

/** Batch buffers kept for reuse by later files (more files at once allocate their own). */
const MAX_POOLED_BATCHES = 64;
const pool: Uint8Array[] = [];

/**
 * MD5, SHA-1 and SHA-256 of a file whose bytes stream by. Bytes are batched
 * into a reused buffer; a file that fits in one batch is hashed in one shot
 * at the end, without streaming hash objects.
 */
export class FileHashes {
  private hashes: Hash[] | null = null;
  private batch: Uint8Array | null = null;
  private batched = 0;

  /** Adds the next bytes of the file. */
  update(chunk: Uint8Array): void {
    if (chunk.length >= HASH_BATCH_BYTES) {
      this.flush();
      for (const h of this.streaming()) h.update(chunk);
      return;
    }
    if (this.batched + chunk.length > HASH_BATCH_BYTES) this.flush();
    this.batch ??= pool.pop() ?? new Uint8Array(HASH_BATCH_BYTES);
    this.batch.set(chunk, this.batched);
    this.batched += chunk.length;
  }

  /** Hex digests (MD5, SHA-1, SHA-256) of all bytes added; the hashes are then spent. */
  digests(): string[] {
    const rest = this.batch === null ? new Uint8Array(0) : this.batch.subarray(0, this.batched);
    const digests = this.hashes === null
      ? ALGORITHMS.map((algorithm) => hash(algorithm, rest, 'hex'))
      : this.hashes.map((h) => h.update(rest).digest('hex'));
    this.release();
    return digests;
  }

  /** Forgets the bytes without hashing them (the file is incomplete: no digests are logged). */
  release(): void {
    if (this.batch !== null && pool.length < MAX_POOLED_BATCHES) pool.push(this.batch);
    this.batch = null;
    this.batched = 0;
    this.hashes = null;
  }

  private flush(): void {
    if (this.batched === 0) return;
    const bytes = this.batch!.subarray(0, this.batched);
    for (const h of this.streaming()) h.update(bytes);
    this.batched = 0;
  }

  private streaming(): Hash[] {
    this.hashes ??= ALGORITHMS.map((algorithm) => createHash(algorithm));
    return this.hashes;
  }
}
