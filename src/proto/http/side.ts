import type { AnalyzerContext } from '../analyzer.js';
import { FileTracker, type FileOrigin } from '../file-tracker.js';
import { BodyReader, type BodySink } from './body.js';
import { EncodedBody, type ContentEncoding } from './content-decoding.js';
import type { HttpTransaction } from './transaction.js';

/**
 * One direction of an HTTP connection: the body being read, the file it is
 * hashed into, and whether parsing gave up (framing lost after a gap).
 */
export class HttpSide implements BodySink {
  readonly body = new BodyReader();
  /** True while the direction cannot be followed (framing lost): its bytes are skipped until a message starts again. */
  lost = false;
  /** True after CONNECT or 101 Switching Protocols: the rest is another protocol, never parsed. */
  tunnel = false;
  /** The transaction whose body this side is reading. */
  txn: HttpTransaction | null = null;
  private file: FileTracker | null = null;
  private origin: FileOrigin | null = null;
  /** A gzip/deflate body being kept for decoding at its end, or null. */
  private encoded: EncodedBody | null = null;
  private lastTs = 0;

  constructor(private readonly ctx: AnalyzerContext, readonly isOrig: boolean) {}

  /** Prepares the files.log details of the body about to be read. */
  expectBody(txn: HttpTransaction, totalBytes: number | null, filename: string | null, encoding: ContentEncoding | null): void {
    this.txn = txn;
    this.origin = { source: 'HTTP', isOrig: this.isOrig, transaction: txn.depth, totalBytes, filename };
    this.encoded = encoding === null ? null : new EncodedBody(encoding);
  }

  /** Body bytes as transferred: kept for decoding when content-encoded, else counted and hashed. */
  bodyData(chunk: Uint8Array, ts: number): void {
    this.lastTs = ts;
    if (this.encoded !== null) {
      if (this.encoded.add(chunk)) return;
      this.weird('http_encoded_body_too_large');
      this.passThroughEncoded();
    }
    this.content(chunk, ts);
  }

  /** Gives up decoding: the kept bytes are hashed as sent. */
  private passThroughEncoded(): void {
    const kept = this.encoded?.take() ?? [];
    this.encoded = null;
    for (const chunk of kept) this.content(chunk, this.lastTs);
  }

  /** Body content: counted on the transaction and hashed. */
  private content(chunk: Uint8Array, ts: number): void {
    if (chunk.length === 0 || this.txn === null) return;
    if (this.isOrig) this.txn.requestBodyLen += chunk.length;
    else this.txn.responseBodyLen += chunk.length;
    if (this.file === null && this.origin !== null) {
      this.file = new FileTracker(this.ctx, this.origin, ts);
      (this.isOrig ? this.txn.origFuids : this.txn.respFuids).push(this.file.fuid);
    }
    this.file?.data(chunk, ts);
  }

  /** A content gap: counted against the body, or the direction is lost. */
  gap(length: number): void {
    if (!this.body.active || this.lost) {
      this.lost = true;
      return;
    }
    this.passThroughEncoded();
    this.file?.gap(this.body.gap(length));
    if (this.body.lost) this.lost = true;
  }

  /** Anomaly of this connection. */
  weird(name: string): void {
    this.ctx.weird(name);
  }

  /** Ends the current body: writes its files.log record and its type on the transaction. */
  finishBody(): void {
    if (this.encoded !== null) {
      const decoded = this.encoded.decode();
      if (decoded === null) {
        this.weird('http_content_decode_failed');
        this.passThroughEncoded();
      } else this.content(decoded, this.lastTs);
      this.encoded = null;
    }
    const file = this.file;
    if (file !== null && this.txn !== null) {
      file.finish();
      if (file.mimeType !== null) (this.isOrig ? this.txn.origMimeTypes : this.txn.respMimeTypes).push(file.mimeType);
    }
    this.file = null;
    this.origin = null;
  }
}
