import { MAX_OPTIONS_PER_BLOCK } from './limits.js';

/** opt_endofopt: ends a block's options. */
const OPT_END = 0;
/** opt_comment: UTF-8 text, valid in every block. */
export const OPT_COMMENT = 1;

const OPTION_HEADER_BYTES = 4;
const utf8 = new TextDecoder('utf-8');

/**
 * Walks the options of one pcapng block in place: after `reset`, each `next()`
 * that returns true leaves the option's code and value position in the fields.
 * `broken` is set when an option overruns the block.
 */
export class OptionReader {
  code = 0;
  valueStart = 0;
  valueLength = 0;
  broken = false;
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.buf.buffer);
  private pos = 0;
  private end = 0;
  private count = 0;
  private littleEndian = true;

  /** Starts reading the options in `buf[start, end)`. */
  reset(buf: Uint8Array, view: DataView, start: number, end: number, littleEndian: boolean): void {
    this.buf = buf;
    this.view = view;
    this.pos = start;
    this.end = end;
    this.count = 0;
    this.broken = false;
    this.littleEndian = littleEndian;
  }

  /** Moves to the next option; false at opt_endofopt, the end of the block, damage, or MAX_OPTIONS_PER_BLOCK. */
  next(): boolean {
    if (this.count >= MAX_OPTIONS_PER_BLOCK || this.end - this.pos < OPTION_HEADER_BYTES) return false;
    const code = this.view.getUint16(this.pos, this.littleEndian);
    const length = this.view.getUint16(this.pos + 2, this.littleEndian);
    if (code === OPT_END) return false;
    const valueStart = this.pos + OPTION_HEADER_BYTES;
    if (valueStart + length > this.end) {
      this.broken = true;
      return false;
    }
    this.code = code;
    this.valueStart = valueStart;
    this.valueLength = length;
    this.pos = valueStart + ((length + 3) & ~3);
    this.count++;
    return true;
  }

  /** The current option's value as UTF-8 text (invalid sequences become U+FFFD). */
  text(): string {
    return utf8.decode(this.buf.subarray(this.valueStart, this.valueStart + this.valueLength));
  }

  /** Offset in the buffer where the walk stopped (for problem reports). */
  get position(): number {
    return this.pos;
  }
}
