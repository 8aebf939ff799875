import type { CaptureState } from './capture-state.js';
import { MAX_BLOCK_BYTES, MAX_RESYNC_BLOCK_BYTES } from './limits.js';
import { BlockType, BYTE_ORDER_MAGIC, PcapngBlocks } from './pcapng-blocks.js';
import { ProblemCode } from './problem-codes.js';
import { ResyncingReader } from './resyncing-reader.js';

/** Type, length and the first body word (a section header's byte-order magic). */
const BLOCK_HEAD_BYTES = 12;
const MIN_BLOCK_BYTES = 12;
/** Blocks are padded to 32 bits, so resynchronisation only tries aligned offsets. */
const BLOCK_ALIGN = 4;
const SWAPPED_BYTE_ORDER_MAGIC = 0x4d3c2b1a;
/** Block types a resynchronisation candidate may have (the ones real writers emit). */
const KNOWN_TYPES = new Set<number>([...Object.values(BlockType), 0x0bad, 0x4000_0bad]);

/**
 * Reads pcapng: sections with their own byte order, blocks framed by equal
 * leading and trailing lengths. A block whose framing is wrong starts a
 * resynchronising scan for the next block that frames correctly and is
 * followed by another well-framed block (or the end of the input).
 */
export class PcapngReader extends ResyncingReader {
  private readonly blocks: PcapngBlocks;

  constructor(state: CaptureState) {
    super(state, BLOCK_HEAD_BYTES, ProblemCode.pcapngBadBlockLength, BLOCK_ALIGN);
    this.blocks = new PcapngBlocks(state);
  }

  /** Parses blocks; see FormatReader. */
  parse(buf: Uint8Array, view: DataView, start: number, end: number, base: number, eof: boolean): number {
    let pos = start;
    // Each pass consumes a block or BLOCK_ALIGN bytes of damage, so the loop ends within `end - start` passes.
    while (pos < end) {
      if (this.damage.active) {
        pos = this.scan(view, pos, end, base, eof);
        if (this.damage.active) return pos;
        continue;
      }
      if (end - pos < BLOCK_HEAD_BYTES) return this.short(pos, end, base, eof, BLOCK_HEAD_BYTES);
      const type = view.getUint32(pos, this.blocks.littleEndian);
      const le = type === BlockType.sectionHeader ? this.sectionOrder(view, pos, base) : this.blocks.littleEndian;
      if (le === null) { pos += BLOCK_ALIGN; continue; }
      const len = view.getUint32(pos + 4, le);
      if (len < MIN_BLOCK_BYTES || len % BLOCK_ALIGN !== 0 || len > MAX_BLOCK_BYTES) {
        this.damage.begin(ProblemCode.pcapngBadBlockLength, base + pos, `block of type 0x${type.toString(16)} has length ${len}, not a multiple of 4 in 12..${MAX_BLOCK_BYTES}`);
        pos += BLOCK_ALIGN;
        continue;
      }
      if (end - pos < len) {
        if (!eof) return this.short(pos, end, base, eof, len);
        pos = this.pastEnd(view, pos, end, base, len);
        continue;
      }
      const trailing = view.getUint32(pos + len - 4, le);
      if (trailing !== len) {
        this.damage.begin(ProblemCode.pcapngBlockLengthMismatch, base + pos, `block of type 0x${type.toString(16)} starts with length ${len} but ends with ${trailing}`);
        pos += BLOCK_ALIGN;
        continue;
      }
      this.blocks.littleEndian = le;
      this.blocks.read(type, buf, view, pos, len, base);
      pos += len;
    }
    return pos;
  }

  /** Byte order of the section header at `pos`, or null (damage begun) when its magic is wrong. */
  private sectionOrder(view: DataView, pos: number, base: number): boolean | null {
    const magic = view.getUint32(pos + 8, true);
    if (magic === BYTE_ORDER_MAGIC) return true;
    if (magic === SWAPPED_BYTE_ORDER_MAGIC) return false;
    this.damage.begin(ProblemCode.pcapngBadByteOrder, base + pos + 8, `section header byte-order magic is 0x${magic.toString(16)}, not 1a2b3c4d`);
    return null;
  }

  /** See ResyncingReader.findPlausible; candidates must be well framed, and followed by a sane block header. */
  protected findPlausible(view: DataView, from: number, end: number, base: number, eof: boolean): number {
    this.found = false;
    this.needed = BLOCK_HEAD_BYTES;
    for (let q = from; q < end; q += BLOCK_ALIGN) {
      if (this.damage.active) this.damage.checkBudget(base + q);
      if (end - q < BLOCK_HEAD_BYTES) return q;
      const len = this.candidateLength(view, q);
      if (len < 0) continue;
      const next = q + len;
      if (eof && next === end && this.wellFramed(view, q, len)) { this.found = true; return q; }
      if (end - next < BLOCK_HEAD_BYTES) {
        if (eof) continue;
        this.needed = next + BLOCK_HEAD_BYTES - q;
        return q;
      }
      if (!this.wellFramed(view, q, len) || this.candidateLength(view, next, false) < 0) continue;
      this.found = true;
      return q;
    }
    return end;
  }

  /**
   * Length of a plausible block header at `q` (sane length, right byte order
   * and, with `knownType`, a type real writers emit), else -1.
   */
  private candidateLength(view: DataView, q: number, knownType = true): number {
    let le = this.blocks.littleEndian;
    const type = view.getUint32(q, le);
    if (type === BlockType.sectionHeader) {
      const magic = view.getUint32(q + 8, true);
      if (magic !== BYTE_ORDER_MAGIC && magic !== SWAPPED_BYTE_ORDER_MAGIC) return -1;
      le = magic === BYTE_ORDER_MAGIC;
    } else if (knownType && !KNOWN_TYPES.has(type)) {
      return -1;
    }
    const len = view.getUint32(q + 4, le);
    return len >= MIN_BLOCK_BYTES && len % BLOCK_ALIGN === 0 && len <= MAX_RESYNC_BLOCK_BYTES ? len : -1;
  }

  /** True when the candidate block at `q` ends with its own length and, if a packet block, fits the section. */
  private wellFramed(view: DataView, q: number, len: number): boolean {
    const type = view.getUint32(q, this.blocks.littleEndian);
    if (type === BlockType.sectionHeader) return view.getUint32(q + len - 4, view.getUint32(q + 8, true) === BYTE_ORDER_MAGIC) === len;
    return view.getUint32(q + len - 4, this.blocks.littleEndian) === len && this.blocks.plausiblePacket(type, view, q, len);
  }
}
