import { escapeTerminal } from '../util/escape.js';

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * A one-line progress display for a terminal: file, position, packets, MB/s.
 * Silent when the stream is not a terminal (pipes, CI, files).
 */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = performance.now();
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled: boolean = Boolean(process.stderr.isTTY) && !process.env.CI,
  ) {}

  /** Redraws at most every 100 ms. `total` is null when unknown (stdin, gzip). */
  update(label: string, done: number, total: number | null, packets: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / 1e6 / seconds : 0;
    const fraction = total ? Math.min(1, done / total) : 0;
    const bar = total ? '[' + '#'.repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, '.') + '] ' + (fraction * 100).toFixed(0).padStart(3) + '%' : '';
    const line = `${escapeTerminal(label)} ${bar} ${(done / 1e6).toFixed(0)} MB  ${packets.toLocaleString('en-US')} pkts  ${rate.toFixed(0)} MB/s`;
    this.stream.write('\r\x1b[2K' + line);
    this.drawn = true;
  }

  /** Clears the line so the summary prints cleanly. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
