import { constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { MAX_DECODED_BODY_BYTES, MAX_ENCODED_BODY_BYTES, MAX_ENCODED_BYTES_TOTAL } from './limits.js';

/** Encoded bytes kept by every EncodedBody of the process together. */
let keptTotal = 0;

/** Content-Encodings Tracer decodes before hashing, as Zeek does. */
export type ContentEncoding = 'gzip' | 'deflate';

/** The decodable encoding named by a Content-Encoding header, or null. */
export function contentEncoding(header: string | null): ContentEncoding | null {
  const value = header?.trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  return value === 'deflate' ? 'deflate' : null;
}

/**
 * A gzip/deflate body kept (up to MAX_ENCODED_BODY_BYTES) until it ends, then
 * decoded in one step, bounded by MAX_DECODED_BODY_BYTES. Truncated streams
 * decode as far as they go.
 */
export class EncodedBody {
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(readonly encoding: ContentEncoding) {}

  /** Keeps a copy of `chunk`; false when this body or all of them would outgrow their limit (nothing kept then). */
  add(chunk: Uint8Array): boolean {
    if (this.size + chunk.length > MAX_ENCODED_BODY_BYTES || keptTotal + chunk.length > MAX_ENCODED_BYTES_TOTAL) return false;
    this.chunks.push(chunk.slice());
    this.size += chunk.length;
    keptTotal += chunk.length;
    return true;
  }

  /** The bytes kept so far, as sent; forgets them. */
  take(): Uint8Array[] {
    const chunks = this.chunks;
    keptTotal -= this.size;
    this.chunks = [];
    this.size = 0;
    return chunks;
  }

  /** The decoded body (the kept bytes are then forgotten), or null when it does not decode (they stay available to `take`). */
  decode(): Uint8Array | null {
    const decoded = this.inflate(Buffer.concat(this.chunks));
    if (decoded !== null) this.take();
    return decoded;
  }

  private inflate(input: Buffer): Uint8Array | null {
    const options = { maxOutputLength: MAX_DECODED_BODY_BYTES, finishFlush: constants.Z_SYNC_FLUSH };
    try {
      if (this.encoding === 'gzip') return gunzipSync(input, options);
      try {
        return inflateSync(input, options);
      } catch {
        return inflateRawSync(input, options);
      }
    } catch {
      return null;
    }
  }
}
