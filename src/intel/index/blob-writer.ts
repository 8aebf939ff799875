/** First size of the string blob; it doubles as needed. */
const INITIAL_BLOB_BYTES = 1 << 20;

/**
 * Appends strings to one UTF-8 blob, storing each distinct string once, and
 * returns where it went. Used only while building an index.
 */
export class BlobWriter {
  private bytes = Buffer.allocUnsafe(INITIAL_BLOB_BYTES);
  private length = 0;
  private readonly seen = new Map<string, number>();

  /**
   * Adds `text` once (later adds of the same text return the first offset) and
   * returns its byte offset; its length is `Buffer.byteLength(text)`. For
   * strings that repeat (contexts, feed names).
   */
  add(text: string): number {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    const offset = this.append(text);
    this.seen.set(text, offset);
    return offset;
  }

  /** Appends `text` without looking for an earlier copy (for strings that are unique anyway) and returns its offset. */
  append(text: string): number {
    const needed = text.length * 3;
    if (this.length + needed > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + needed));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    const offset = this.length;
    this.length += this.bytes.write(text, offset);
    return offset;
  }

  /** The blob written so far (a view, valid until the next add). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
