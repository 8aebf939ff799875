import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileChunks } from './file-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'tracer-chunks-'));
const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) & 0xff);

/** Each chunk's backing buffer and a copy of its bytes, taken while it is current. */
async function read(path: string, chunkBytes: number): Promise<{ buffers: ArrayBuffer[]; joined: Buffer }> {
  const buffers: ArrayBuffer[] = [];
  const copies: Buffer[] = [];
  for await (const chunk of fileChunks(path, chunkBytes)) {
    buffers.push(chunk.buffer as ArrayBuffer);
    copies.push(Buffer.from(chunk));
  }
  return { buffers, joined: Buffer.concat(copies) };
}

describe('fileChunks', () => {
  it('reads a plain file into two buffers in turn, every byte once, the last chunk short', async () => {
    const path = join(dir, 'plain.pcap');
    writeFileSync(path, bytes);
    const { buffers, joined } = await read(path, 4096);
    expect(buffers).toHaveLength(3);
    expect(buffers[2]).toBe(buffers[0]);
    expect(buffers[1]).not.toBe(buffers[0]);
    expect(joined.equals(bytes)).toBe(true);
  });

  it('gives a gzip file a fresh buffer per chunk (zlib works on a chunk after it was handed on)', async () => {
    const path = join(dir, 'plain.pcap.gz');
    const gz = gzipSync(Buffer.from(bytes), { level: 0 });
    writeFileSync(path, gz);
    const { buffers, joined } = await read(path, 4096);
    expect(buffers.length).toBeGreaterThan(1);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(joined.equals(gz)).toBe(true);
  });

  it('closes the file when the reader stops early, with the read ahead still in flight', async () => {
    const path = join(dir, 'early.pcap');
    writeFileSync(path, bytes);
    for await (const chunk of fileChunks(path, 1024)) {
      expect(chunk.length).toBe(1024);
      break;
    }
    const { joined } = await read(path, 1024);
    expect(joined.equals(bytes)).toBe(true);
  });

  it('yields nothing for an empty file', async () => {
    const path = join(dir, 'empty.pcap');
    writeFileSync(path, new Uint8Array(0));
    expect((await read(path, 4096)).buffers).toEqual([]);
  });
});
