import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { MAX_LINE_BYTES } from './limits.js';

/** One line of a text log. */
export interface LogLine {
  /** 1-based line number. */
  lineNo: number;
  /** The line without its end-of-line (CR LF or LF), decoded as UTF-8, at most MAX_LINE_BYTES bytes. */
  text: string;
  /** The line was longer than MAX_LINE_BYTES and `text` holds only its start. */
  cut: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const GZIP_MAGIC = [0x1f, 0x8b];

/** A gzip-compressed log ended early or is corrupt: the lines before it were read. */
export class DecompressError extends Error {
  override name = 'DecompressError';
}

/** True when the file at `path` starts with the gzip magic bytes. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/** The file's bytes, gunzipped when it is gzip (rotated logs: auth.log.2.gz); `hash` sees the bytes on disk. */
async function* fileChunks(path: string, hash: Hash | undefined): AsyncGenerator<Buffer> {
  const gzip = await isGzipFile(path);
  const raw = createReadStream(path);
  if (hash) raw.on('data', (chunk) => hash.update(chunk));
  if (!gzip) {
    yield* raw as AsyncIterable<Buffer>;
    return;
  }
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  raw.pipe(gunzip);
  try {
    yield* gunzip as AsyncIterable<Buffer>;
  } catch (err) {
    if (!(err as NodeJS.ErrnoException).code?.startsWith('Z_')) throw err;
    // Read the rest of the file so that `hash` covers all of it.
    raw.unpipe(gunzip);
    for await (const _chunk of raw) { /* hashed by the data listener */ }
    throw new DecompressError(`gzip data ${(err as Error).message}`);
  }
}

function decode(parts: Buffer[], length: number): string {
  const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
  const end = length > 0 && bytes[length - 1] === CR ? length - 1 : length;
  return bytes.toString('utf8', 0, end);
}

/**
 * Yields the lines of the file at `path` (gunzipped when compressed),
 * streaming (bounded memory: a line longer than `maxBytes` is cut and
 * flagged). Feeds every byte read from disk to `hash` when given, so that the
 * file is read once for both. A final line without an end-of-line is yielded
 * too. Corrupt gzip data ends the lines with a DecompressError.
 */
export async function* readLogLines(path: string, hash?: Hash, maxBytes = MAX_LINE_BYTES): AsyncGenerator<LogLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let cut = false;
  let lineNo = 0;
  for await (const chunk of fileChunks(path, hash)) {
    let start = 0;
    for (let lf = chunk.indexOf(LF, start); start < chunk.length; lf = chunk.indexOf(LF, start)) {
      const end = lf < 0 ? chunk.length : lf;
      const room = maxBytes - length;
      if (end - start > room) cut = true;
      const take = Math.min(end - start, Math.max(room, 0));
      if (take > 0) { parts.push(chunk.subarray(start, start + take)); length += take; }
      if (lf < 0) break;
      yield { lineNo: ++lineNo, text: decode(parts, length), cut };
      parts = [];
      length = 0;
      cut = false;
      start = lf + 1;
    }
  }
  if (length > 0 || cut) yield { lineNo: ++lineNo, text: decode(parts, length), cut };
}
