import { hash } from 'node:crypto';
import type { AnalyzerContext } from './analyzer.js';
import { FileHashes } from './file-hashes.js';
import { MIME_SNIFF_BYTES, sniffMime } from './mime-sniff.js';

/** Where a file was seen, for its files.log record. */
export interface FileOrigin {
  source: string;
  isOrig: boolean;
  /** Transaction number within the connection (HTTP trans_depth), part of the fuid. */
  transaction: number;
  /** Announced size (Content-Length), or null. */
  totalBytes: number | null;
  filename: string | null;
}

/** Deterministic file id: `F` + 17 hex digits of SHA-1 over uid, direction and transaction. */
function fileId(uid: string, isOrig: boolean, transaction: number): string {
  return 'F' + hash('sha1', `${uid}|${isOrig ? 'o' : 'r'}|${transaction}`, 'hex').slice(0, 17);
}

/**
 * One file (a body) in transit: hashed as its bytes stream by (MD5, SHA-1,
 * SHA-256), type sniffed from its first bytes, never stored.
 */
export class FileTracker {
  readonly fuid: string;
  mimeType: string | null = null;
  seenBytes = 0;
  missingBytes = 0;
  private readonly startTs: number;
  private lastTs: number;
  private readonly hashes = new FileHashes();
  /** The first MIME_SNIFF_BYTES of the file, sniffed once at the end. */
  private head: Uint8Array | null = null;
  private headLength = 0;

  constructor(private readonly ctx: AnalyzerContext, private readonly origin: FileOrigin, ts: number) {
    this.fuid = fileId(ctx.uid, origin.isOrig, origin.transaction);
    this.startTs = ts;
    this.lastTs = ts;
  }

  /** Hashes the next bytes of the file. */
  data(chunk: Uint8Array, ts: number): void {
    if (chunk.length === 0) return;
    this.lastTs = ts;
    this.seenBytes += chunk.length;
    if (this.missingBytes === 0) this.hashes.update(chunk);
    if (this.headLength < MIME_SNIFF_BYTES) {
      this.head ??= new Uint8Array(MIME_SNIFF_BYTES);
      const take = chunk.subarray(0, MIME_SNIFF_BYTES - this.headLength);
      this.head.set(take, this.headLength);
      this.headLength += take.length;
    }
  }

  /** Bytes of the file were lost: its digests will not be logged, so hashing stops. */
  gap(length: number): void {
    this.missingBytes += length;
    if (this.missingBytes > 0) this.hashes.release();
  }

  /** Writes the files.log record (and sniffs the type, read from `mimeType` afterwards). */
  finish(): void {
    this.mimeType = this.head === null ? null : sniffMime(this.head.subarray(0, this.headLength));
    const complete = this.missingBytes === 0;
    const [md5, sha1, sha256] = complete ? this.hashes.digests() : [null, null, null];
    const ctx = this.ctx;
    ctx.emit('files', {
      ts: this.startTs, fuid: this.fuid, uid: ctx.uid,
      id_orig_h: ctx.origH, id_orig_p: ctx.origP, id_resp_h: ctx.respH, id_resp_p: ctx.respP,
      source: this.origin.source, depth: 0, analyzers: ['MD5', 'SHA1', 'SHA256'],
      mime_type: this.mimeType, filename: this.origin.filename, duration: this.lastTs - this.startTs,
      // Zeek: whether the sender of the file is local (the originator for an upload, the responder for a download).
      local_orig: this.origin.isOrig ? ctx.localOrig : ctx.localResp, is_orig: this.origin.isOrig, seen_bytes: this.seenBytes, total_bytes: this.origin.totalBytes,
      missing_bytes: this.missingBytes, overflow_bytes: 0, timedout: false,
      // Files extracted from containers carry their container's fuid; Tracer analyzes no container formats.
      parent_fuid: null, md5, sha1, sha256,
    });
  }
}
