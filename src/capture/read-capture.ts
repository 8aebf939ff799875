import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../cli/command.js';
import { CaptureParser } from './capture-parser.js';
import { fileChunks, isGzip } from './file-chunks.js';
import { DEFAULT_CHUNK_BYTES, GUNZIP_CHUNK_BYTES } from './limits.js';
import type { CaptureSink, CaptureSummary } from './packet.js';
import { ProblemCode } from './problem-codes.js';

/** Options of readCapture and readCaptureStream. */
export interface ReadCaptureOptions {
  /** Called after each raw chunk: bytes read so far and the file size (null for pipes and devices). */
  onProgress?: (bytesRead: number, totalBytes: number | null) => void;
  /** Bytes per read (default 2 MiB). */
  chunkSize?: number;
}

/** A CaptureSummary plus the identity of the raw input. */
export type CaptureReadResult = CaptureSummary & { path: string; sha256: string; fileBytes: number };

/** Bytes needed to tell gzip from a capture. */
const SNIFF_BYTES = 2;

/**
 * Reads a capture file (pcap or pcapng, optionally gzip-compressed; `-` is
 * stdin) into `sink`, hashing the raw bytes with SHA-256 as they stream.
 * Memory stays bounded whatever the file size. Rejects with a one-line
 * InputError for unreadable or unrecognised input.
 * @example const s = await readCapture('trace.pcap.gz', { packet: (p) => n++ });
 */
export async function readCapture(path: string, sink: CaptureSink, opts: ReadCaptureOptions = {}): Promise<CaptureReadResult> {
  if (path === '-') return readCaptureStream(process.stdin, '-', sink, opts, null);
  let totalBytes: number | null;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    totalBytes = stat.isFile() ? stat.size : null;
  } catch (err) {
    throw new InputError(`Cannot read capture ${path}: ${describeIoError(err)}`);
  }
  const chunkBytes = opts.chunkSize ?? DEFAULT_CHUNK_BYTES;
  const chunks = totalBytes === null ? createReadStream(path, { highWaterMark: chunkBytes }) : fileChunks(path, chunkBytes);
  return readCaptureStream(chunks, path, sink, opts, totalBytes);
}

/**
 * Like readCapture, for any stream of capture bytes (a Readable: a pipe from
 * `tcpdump -U -w -`, a socket). `name` labels errors and the result.
 */
export async function readCaptureStream(
  stream: AsyncIterable<Buffer>, name: string, sink: CaptureSink, opts: ReadCaptureOptions = {}, totalBytes: number | null = null,
): Promise<CaptureReadResult> {
  const hash = createHash('sha256');
  let fileBytes = 0;
  let parser: CaptureParser | null = null;
  let failure: string | null = null;
  async function* hashed(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      hash.update(chunk);
      fileBytes += chunk.length;
      opts.onProgress?.(fileBytes, totalBytes);
      yield chunk;
    }
  }
  async function feed(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      // A plain Uint8Array view: its subarray() is much cheaper per packet than Buffer's.
      parser!.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (parser!.unrecognized) throw new InputError(`Cannot read capture ${name}: ${parser!.unrecognized.message}`);
    }
  }
  try {
    const head = await sniff(hashed(stream));
    parser = new CaptureParser(sink, { compressed: head.gzip });
    if (head.gzip) await pipeline(head.chunks, createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }), feed);
    else await feed(head.chunks);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (parser && isZlibError(err)) parser.inputDamaged(ProblemCode.gzipDamaged, `gzip stream is damaged after ${fileBytes} compressed bytes: ${(err as Error).message}`);
    else failure = describeIoError(err);
  }
  if (failure !== null) throw new InputError(`Cannot read capture ${name}: ${failure} after ${fileBytes} bytes`);
  const summary = parser!.end();
  if (parser!.unrecognized) throw new InputError(`Cannot read capture ${name}: ${parser!.unrecognized.message}`);
  return { ...summary, path: name, sha256: hash.digest('hex'), fileBytes };
}

/** Reads enough of `source` to tell gzip from raw, and gives back an iterable of all its chunks. */
async function sniff(source: AsyncGenerator<Buffer>): Promise<{ gzip: boolean; chunks: AsyncGenerator<Buffer> }> {
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  const first = Buffer.concat(head);
  const gzip = isGzip(first);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (first.length > 0) yield first;
      yield* source;
    } finally {
      // A reader that stops at the first chunk (not a capture) must still end the source, closing its file.
      await source.return(undefined);
    }
  }
  return { gzip, chunks: replay() };
}

function isZlibError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** One-line description of an I/O or decompression error, without a stack. */
function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(err);
}
