import { CaptureState } from './capture-state.js';
import type { FormatReader } from './format-reader.js';
import type { CaptureProblem, CaptureSink, CaptureSummary } from './packet.js';
import { PCAP_MAGIC_NS, PCAP_MAGIC_US, PcapReader } from './pcap-reader.js';
import { BlockType } from './pcapng-blocks.js';
import { PcapngReader } from './pcapng-reader.js';
import { ProblemCode } from './problem-codes.js';

const MAGIC_BYTES = 4;
const INITIAL_CARRY_BYTES = 64 * 1024;

/** Options of a CaptureParser. */
export interface CaptureParserOptions {
  /** Recorded in the summary: the bytes pushed were decompressed from gzip. */
  compressed?: boolean;
}

/**
 * Synchronous push parser for pcap and pcapng, detected by magic. Records
 * inside a pushed chunk are handed to the sink as subarrays of the chunk; a
 * record cut by a chunk boundary is completed in a small carry-over buffer.
 * @example
 * const parser = new CaptureParser({ packet: (p) => count++ });
 * for (const chunk of chunks) parser.push(chunk);
 * const summary = parser.end();
 */
export class CaptureParser {
  /** Set when the input is not a capture file; nothing more is parsed. */
  unrecognized: CaptureProblem | null = null;
  private readonly state: CaptureState;
  private reader: FormatReader | null = null;
  private format: CaptureSummary['format'] = 'pcap';
  private needed = MAGIC_BYTES;
  private carry = new Uint8Array(INITIAL_CARRY_BYTES);
  private carryView = new DataView(this.carry.buffer);
  private carryStart = 0;
  private carryEnd = 0;
  /** Input offset of `carry[0]`. */
  private carryBase = 0;
  private inputBytes = 0;

  constructor(sink: CaptureSink, private readonly opts: CaptureParserOptions = {}) {
    this.state = new CaptureState(sink);
  }

  /** Parses the next bytes of the input. `chunk` may be reused by the caller once this returns. */
  push(chunk: Uint8Array): void {
    const chunkBase = this.inputBytes;
    this.inputBytes += chunk.length;
    if (this.unrecognized) return;
    let pos = 0;
    while (this.carryEnd > this.carryStart && pos < chunk.length) {
      const take = Math.min(this.needed - (this.carryEnd - this.carryStart), chunk.length - pos);
      this.append(chunk, pos, take, chunkBase);
      pos += take;
      if (this.carryEnd - this.carryStart < this.needed) return;
      const stop = this.carryBase + this.run(this.carry, this.carryView, this.carryStart, this.carryEnd, this.carryBase, false);
      if (stop >= chunkBase) {
        // The reader stopped inside bytes this chunk still holds: go on there, without the copy.
        this.carryStart = this.carryEnd = 0;
        pos = stop - chunkBase;
        break;
      }
      this.carryStart = stop - this.carryBase;
    }
    if (pos >= chunk.length) return;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const stop = this.run(chunk, view, pos, chunk.length, chunkBase, false);
    this.append(chunk, stop, chunk.length - stop, chunkBase);
  }

  /** Finishes the input: reports a cut-short record or damage, and returns the totals. */
  end(): CaptureSummary {
    if (!this.unrecognized) this.run(this.carry, this.carryView, this.carryStart, this.carryEnd, this.carryBase, true);
    this.carryStart = this.carryEnd = 0;
    return this.state.summary(this.format, this.opts.compressed ?? false, this.inputBytes);
  }

  /**
   * Reports damage found outside the container, e.g. a corrupt gzip stream,
   * at the current input offset; the input is then treated as cut short there.
   */
  inputDamaged(code: string, message: string): void {
    this.state.truncated = true;
    this.state.report(code, this.inputBytes, message);
  }

  private run(buf: Uint8Array, view: DataView, start: number, end: number, base: number, eof: boolean): number {
    if (!this.reader) {
      if (end - start < MAGIC_BYTES) return this.undetected(start, end, base, eof);
      this.reader = this.detect(view, start, base);
      if (!this.reader) return end;
    }
    const stop = this.reader.parse(buf, view, start, end, base, eof);
    this.needed = this.reader.needed;
    return stop;
  }

  private undetected(start: number, end: number, base: number, eof: boolean): number {
    if (!eof) return start;
    this.reject(base + start, end > start ? `input ends at offset ${end} before a capture file header is complete` : 'input is empty');
    return end;
  }

  private detect(view: DataView, pos: number, base: number): FormatReader | null {
    const magic = view.getUint32(pos, true);
    const swapped = view.getUint32(pos, false);
    if (magic === PCAP_MAGIC_US || magic === PCAP_MAGIC_NS || swapped === PCAP_MAGIC_US || swapped === PCAP_MAGIC_NS) {
      this.format = 'pcap';
      return new PcapReader(this.state);
    }
    if (magic === BlockType.sectionHeader) {
      this.format = 'pcapng';
      return new PcapngReader(this.state);
    }
    this.reject(base + pos, `unknown file format at offset ${base + pos} (magic 0x${swapped.toString(16).padStart(8, '0')})`);
    return null;
  }

  private reject(offset: number, message: string): void {
    this.unrecognized = { code: ProblemCode.unknownFormat, offset, message };
    this.state.report(ProblemCode.unknownFormat, offset, message);
  }

  /** Appends `chunk[from, from + count)` to the carry-over, compacting or growing it as needed. */
  private append(chunk: Uint8Array, from: number, count: number, chunkBase: number): void {
    if (count <= 0) return;
    if (this.carryEnd === this.carryStart) {
      this.carryStart = this.carryEnd = 0;
      this.carryBase = chunkBase + from;
    }
    if (this.carryEnd + count > this.carry.length) {
      const kept = this.carryEnd - this.carryStart;
      const target = kept + count > this.carry.length ? new Uint8Array(Math.max(2 * this.carry.length, 2 * (kept + count))) : this.carry;
      target.set(this.carry.subarray(this.carryStart, this.carryEnd), 0);
      if (target !== this.carry) { this.carry = target; this.carryView = new DataView(target.buffer); }
      this.carryBase += this.carryStart;
      this.carryStart = 0;
      this.carryEnd = kept;
    }
    this.carry.set(chunk.subarray(from, from + count), this.carryEnd);
    this.carryEnd += count;
  }
}
