/**
 * A container format's record parser, driven by CaptureParser. It parses
 * straight out of the caller's buffer and never keeps a reference to it.
 */
export interface FormatReader {
  /**
   * After `parse` returned an offset short of `end`: how many bytes the next
   * step needs from that offset (always more than were available there).
   */
  needed: number;
  /**
   * Parses every complete record in `buf[start, end)`, where `buf[i]` is byte
   * `base + i` of the input, and returns the offset of the first byte not
   * consumed. With `eof`, the input ends at `end`: everything is consumed, and
   * an unfinished record is reported as truncation.
   */
  parse(buf: Uint8Array, view: DataView, start: number, end: number, base: number, eof: boolean): number;
}
