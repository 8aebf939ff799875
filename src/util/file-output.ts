import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * A file written through a stream with back-pressure: `write` hands data on and
 * `lagging` says when the caller should await `drain()`. The first write error
 * is kept and thrown by `check()` and `close()`.
 * @example const out = new FileOutput('x.csv'); out.write('a,b\n'); if (out.lagging) await out.drain(); await out.close();
 */
export class FileOutput {
  private readonly stream: WriteStream;
  private error: Error | null = null;
  private congested = false;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (err) => { this.error = err; });
    this.stream.on('drain', () => { this.congested = false; });
  }

  /** True while the file has not caught up with what was written. */
  get lagging(): boolean {
    return this.congested;
  }

  /** Throws the first write error, if one happened. */
  check(): void {
    if (this.error) throw this.error;
  }

  /** Hands `chunk` to the stream (which keeps it until written: do not reuse a buffer passed here). */
  write(chunk: Uint8Array | string): void {
    if (!this.stream.write(chunk)) this.congested = true;
  }

  /** Resolves when the file has caught up (at once if it never fell behind). */
  async drain(): Promise<void> {
    if (this.congested) await once(this.stream, 'drain');
  }

  /** Ends the file; rejects with the first write error. */
  async close(): Promise<void> {
    this.stream.end();
    if (!this.error) await once(this.stream, 'finish').catch((err: Error) => { this.error = err; });
    if (this.error) throw this.error;
  }
}
