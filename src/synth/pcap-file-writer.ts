import { closeSync, openSync, writeSync } from 'node:fs';

const CHUNK_BYTES = 4 << 20;
const RECORD_HEADER_BYTES = 16;

/**
 * Writes a little-endian microsecond pcap (LINKTYPE_ETHERNET) through a large
 * buffer. Frames are built in place with `reserve()` to avoid copies.
 */
export class PcapFileWriter {
  private readonly fd: number;
  private readonly buf = new Uint8Array(CHUNK_BYTES);
  private readonly view = new DataView(this.buf.buffer);
  private used = 0;
  /** Bytes written to the file so far (header included). */
  bytes = 0;
  packets = 0;

  constructor(path: string, snaplen = 262144) {
    this.fd = openSync(path, 'w');
    const h = new DataView(new ArrayBuffer(24));
    h.setUint32(0, 0xa1b2c3d4, true); h.setUint16(4, 2, true); h.setUint16(6, 4, true);
    h.setUint32(16, snaplen, true); h.setUint32(20, 1, true);
    writeSync(this.fd, new Uint8Array(h.buffer));
    this.bytes = 24;
  }

  /** Space for one frame of at most `maxLen` bytes: returns the buffer and offset to write it at. */
  reserve(maxLen: number): { buf: Uint8Array; offset: number } {
    if (this.used + RECORD_HEADER_BYTES + maxLen > CHUNK_BYTES) this.flush();
    return { buf: this.buf, offset: this.used + RECORD_HEADER_BYTES };
  }

  /** Commits the frame written at the reserved offset, with its timestamp in microseconds. */
  commit(tsMicros: number, length: number): void {
    const sec = Math.floor(tsMicros / 1e6);
    this.view.setUint32(this.used, sec, true);
    this.view.setUint32(this.used + 4, Math.floor(tsMicros - sec * 1e6), true);
    this.view.setUint32(this.used + 8, length, true);
    this.view.setUint32(this.used + 12, length, true);
    this.used += RECORD_HEADER_BYTES + length;
    this.bytes += RECORD_HEADER_BYTES + length;
    this.packets++;
  }

  /** Writes buffered records to the file. */
  flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
  }

  /** Flushes and closes the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
