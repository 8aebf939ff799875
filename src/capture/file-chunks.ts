import { promises as fs } from 'node:fs';

/** True when `bytes` start with the gzip magic (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The chunks of a regular file, read ahead into two buffers used in turn. A fresh buffer
 * per chunk costs a page fault per 4 KiB. A chunk is valid until the one after it is
 * asked for, which the readers' contract allows (RawPacket.data is valid only during
 * the sink callback); the next chunk is read while the consumer works on this one.
 * A gzip file gets a fresh buffer per chunk: zlib still works on a chunk after it was handed on.
 */
export async function* fileChunks(path: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const file = await fs.open(path, 'r');
  const read = (buffer: Buffer) => file.read(buffer, 0, chunkBytes, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  const firstBuffer = Buffer.allocUnsafe(chunkBytes);
  let pending = read(firstBuffer);
  try {
    let turns: Buffer[] | null = null;
    for (let i = 0; ; i++) {
      const chunk = await pending;
      if (chunk.length === 0) return;
      if (i === 0 && !isGzip(chunk)) turns = [firstBuffer, Buffer.allocUnsafe(chunkBytes)];
      pending = read(turns === null ? Buffer.allocUnsafe(chunkBytes) : turns[(i + 1) % 2]);
      yield chunk;
    }
  } finally {
    await pending.catch(() => undefined);
    await file.close();
  }
}
