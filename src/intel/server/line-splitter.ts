/** What the splitter hands on: a complete line, or notice that a line was too long and dropped. */
export interface LineSink {
  line(text: string): void;
  overflow(bytes: number): void;
}

/**
 * Splits a byte stream into LF-terminated lines (CRs dropped) without ever
 * holding more than `maxLineBytes` of one line: a longer line is discarded
 * as it streams in and reported once, when its LF arrives, with its size.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private discarding = false;
  private discarded = 0;
  /** Milliseconds timestamp when the current incomplete line began, 0 when none. */
  partialSince = 0;

  constructor(private readonly maxLineBytes: number, private readonly sink: LineSink) {}

  /** Bytes held for the incomplete line (the memory this connection costs). */
  get bufferedBytes(): number {
    return this.pendingBytes;
  }

  /** Feeds one chunk; `now` (ms) times incomplete lines. */
  push(chunk: Buffer, now: number): void {
    let start = 0;
    while (start < chunk.length) {
      const lf = chunk.indexOf(10, start);
      const end = lf < 0 ? chunk.length : lf;
      this.collect(chunk, start, end);
      if (lf < 0) {
        if (this.partialSince === 0) this.partialSince = now;
        return;
      }
      this.finishLine();
      start = lf + 1;
    }
  }

  private collect(chunk: Buffer, start: number, end: number): void {
    if (end === start) return;
    if (this.discarding || this.pendingBytes + (end - start) > this.maxLineBytes) {
      this.discarded += this.pendingBytes + (end - start);
      this.pending = [];
      this.pendingBytes = 0;
      this.discarding = true;
      return;
    }
    this.pending.push(chunk.subarray(start, end));
    this.pendingBytes += end - start;
  }

  private finishLine(): void {
    this.partialSince = 0;
    if (this.discarding) {
      this.sink.overflow(this.discarded);
      this.discarding = false;
      this.discarded = 0;
      return;
    }
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let text = bytes.toString('utf8');
    if (text.includes('\r')) text = text.replace(/\r/g, '');
    if (text !== '') this.sink.line(text);
  }
}
