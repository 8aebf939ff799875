import {
  encodeInterfaceBlock, encodePacketBlock, encodePcapHeader, encodePcapRecord, encodeSectionHeader, type Encoding,
  INTERFACE_BLOCK_BYTES, PACKET_BLOCK_OVERHEAD,
} from './capture-encoding.js';
import { MAX_CAPLEN } from './limits.js';
import type { RawPacket } from './packet.js';
import { FileOutput } from '../util/file-output.js';

/** Options of a CaptureWriter. */
export interface CaptureWriterOptions {
  /** Link types of the packets to come: exactly one writes pcap, otherwise pcapng with one interface per link type. */
  linkTypes: number[];
  /** Nanosecond timestamps (pcap magic a1b23c4d, if_tsresol 9); default microseconds. */
  nanosecond?: boolean;
  /** Big-endian output; default little-endian. */
  bigEndian?: boolean;
}

/** Output bytes collected before a write to the file; a whole record always fits. */
const BUFFER_BYTES = 1024 * 1024;
/** Worst-case bytes of one record: a MAX_CAPLEN frame in a packet block plus a new interface block. */
const MAX_RECORD_BYTES = MAX_CAPLEN + PACKET_BLOCK_OVERHEAD + INTERFACE_BLOCK_BYTES;

/**
 * Writes packets to a pcap or pcapng file through a buffered stream. `write`
 * returns false when the file lags behind; await `drain()` before writing on.
 * @example
 * const w = new CaptureWriter('out.pcap', { linkTypes: [1] });
 * if (!w.write(packet)) await w.drain();
 * await w.close();
 */
export class CaptureWriter {
  /** The container chosen from the link types. */
  readonly format: 'pcap' | 'pcapng';
  private readonly out: FileOutput;
  private readonly enc: Encoding;
  private readonly interfaceOf = new Map<number, number>();
  private buf = new Uint8Array(BUFFER_BYTES);
  private view = new DataView(this.buf.buffer);
  private used = 0;

  constructor(readonly path: string, opts: CaptureWriterOptions) {
    this.enc = { littleEndian: !opts.bigEndian, nanosecond: opts.nanosecond ?? false };
    this.format = opts.linkTypes.length === 1 ? 'pcap' : 'pcapng';
    this.out = new FileOutput(path);
    if (this.format === 'pcap') {
      this.interfaceOf.set(opts.linkTypes[0], 0);
      this.used = encodePcapHeader(this.view, 0, this.enc, opts.linkTypes[0]);
    } else {
      this.used = encodeSectionHeader(this.view, 0, this.enc);
      for (const linkType of opts.linkTypes) this.addInterface(linkType);
    }
  }

  /**
   * Appends one packet (its bytes are copied). Returns false when the caller
   * should await drain(). A link type not declared is a RangeError in pcap
   * (the caller promised one link type) and a new interface in pcapng; so is
   * a frame above MAX_CAPLEN, which no reader produces.
   */
  write(p: RawPacket): boolean {
    this.out.check();
    if (p.data.length > MAX_CAPLEN) throw new RangeError(`Cannot write a ${p.data.length}-byte frame to ${this.path}: the limit is ${MAX_CAPLEN} bytes`);
    if (BUFFER_BYTES - this.used < MAX_RECORD_BYTES) this.flush();
    let id = this.interfaceOf.get(p.linkType);
    if (id === undefined) {
      if (this.format === 'pcap') throw new RangeError(`Cannot write link type ${p.linkType} to ${this.path}: the pcap file was opened for link type ${[...this.interfaceOf.keys()][0]}`);
      id = this.addInterface(p.linkType);
    }
    this.used += this.format === 'pcap'
      ? encodePcapRecord(this.buf, this.view, this.used, this.enc, p)
      : encodePacketBlock(this.buf, this.view, this.used, this.enc, id, p);
    return !this.out.lagging;
  }

  /** Resolves when the file has caught up (at once if it never fell behind). */
  drain(): Promise<void> {
    return this.out.drain();
  }

  /** Writes what is buffered and closes the file; rejects with the first write error. */
  close(): Promise<void> {
    this.flush();
    return this.out.close();
  }

  private addInterface(linkType: number): number {
    const id = this.interfaceOf.size;
    this.interfaceOf.set(linkType, id);
    this.used += encodeInterfaceBlock(this.view, this.used, this.enc, linkType);
    return id;
  }

  /** Hands the filled buffer to the stream and starts a fresh one (the stream keeps the old until written). */
  private flush(): void {
    if (this.used === 0) return;
    this.out.write(this.buf.subarray(0, this.used));
    this.buf = new Uint8Array(BUFFER_BYTES);
    this.view = new DataView(this.buf.buffer);
    this.used = 0;
  }
}
