import type { CaptureState } from './capture-state.js';
import { Damage } from './damage.js';
import type { FormatReader } from './format-reader.js';

/**
 * What pcap and pcapng readers share: waiting for bytes, reporting a cut
 * input, and resynchronising after damage. Subclasses say what a plausible
 * record looks like (`findPlausible`) and how far apart records may start.
 */
export abstract class ResyncingReader implements FormatReader {
  needed: number;
  protected readonly damage: Damage;
  /** Set by findPlausible: whether it found a record. */
  protected found = false;

  /**
   * @param state shared parse state
   * @param firstNeed bytes needed before anything can be parsed
   * @param badLengthCode problem code for a length that runs past the end of the input
   * @param align records start at multiples of this many bytes from one another
   */
  constructor(protected readonly state: CaptureState, firstNeed: number, private readonly badLengthCode: string, private readonly align: number) {
    this.needed = firstNeed;
    this.damage = new Damage(state);
  }

  abstract parse(buf: Uint8Array, view: DataView, start: number, end: number, base: number, eof: boolean): number;

  /**
   * Looks from `from` for a plausible record followed by another plausible
   * header (or the exact end of the input) and sets `found`. Returns the
   * record's offset, or where it stopped for want of bytes (setting `needed`).
   */
  protected abstract findPlausible(view: DataView, from: number, end: number, base: number, eof: boolean): number;

  /** Not enough bytes at `pos` for `needed`: wait for more, or at the end of the input report truncation. */
  protected short(pos: number, end: number, base: number, eof: boolean, needed: number): number {
    if (!eof) {
      this.needed = needed;
      return pos;
    }
    if (end > pos) this.state.truncate(base + pos, end - pos, needed);
    return end;
  }

  /**
   * At the end of the input a record at `pos` claims `total` bytes but fewer
   * are left: either the file was cut, or the length is damaged and plausible
   * records follow. Returns where to go on (the end, or the next record).
   */
  protected pastEnd(view: DataView, pos: number, end: number, base: number, total: number): number {
    const q = this.findPlausible(view, pos + this.align, end, base, true);
    if (!this.found) return this.short(pos, end, base, true, total);
    this.damage.begin(this.badLengthCode, base + pos, `record of ${total} bytes runs past the end of the input`);
    this.damage.resume(base + q);
    return q;
  }

  /** Resynchronising scan from `pos`: ends the damage at a plausible record, or at the end of the input. */
  protected scan(view: DataView, pos: number, end: number, base: number, eof: boolean): number {
    const q = this.findPlausible(view, pos, end, base, eof);
    if (this.found) this.damage.resume(base + q);
    else if (eof) this.damage.endOfInput(base + end);
    return this.found || !eof ? q : end;
  }
}
