import type { Socket } from 'node:net';
import type { NamedEnricher } from '../enrichers/enricher.js';
import type { IntelMetrics } from '../metrics.js';
import { enricherAnswer, type IndexSet, indexAnswer, LOOKUP_FINISHED } from './answer.js';
import { parseEventLine } from './event-line.js';
import { detectFlag } from './flag-prefix.js';
import type { ServerLimits } from './limits.js';
import { LineSplitter } from './line-splitter.js';
import type { LookupLog } from './lookup-log.js';

/** What every connection of one server shares. */
export interface ServerContext {
  /** Swapped whole on reload; each event reads it once. */
  holder: { current: IndexSet };
  enrichers: readonly NamedEnricher[];
  limits: ServerLimits;
  log: LookupLog;
  metrics: IntelMetrics;
  /** Evaluation time for expiry, epoch seconds (the wall clock unless a test pins it). */
  now: () => number;
}

/**
 * One CyberTrace/KUMA client connection: strips the optional reply flag at
 * the start of the stream, answers every event line in order (pipelined,
 * many per connection) with its match lines and `LookupFinished`, and keeps
 * its memory bounded: lines over the limit are dropped and still answered
 * with `LookupFinished` (so the client's request/answer pairing holds);
 * reading pauses while answers wait for a slow reader.
 */
export class IntelConnection {
  private head: Buffer | null = Buffer.alloc(0);
  private readonly splitter: LineSplitter;
  private readonly peer: string;
  private events = 0;
  private output = '';
  private chain: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(readonly socket: Socket, readonly id: number, private readonly context: ServerContext) {
    this.peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.splitter = new LineSplitter(context.limits.maxLineBytes, { line: (text) => this.onLine(text), overflow: (bytes) => this.onOverflow(bytes) });
    socket.setNoDelay(true);
    socket.setTimeout(context.limits.idleMs, () => this.close('idle_timeout'));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.resumeIfRoom());
    socket.on('error', (err: NodeJS.ErrnoException) => context.log.problem('connection_error', { conn: id, peer: this.peer, error: err.code ?? err.message }));
  }

  /** Milliseconds timestamp when the current incomplete line began, 0 when none. */
  get partialSince(): number {
    return this.splitter.partialSince;
  }

  /** Closes the connection for a reason logged as a problem code. */
  close(code: string): void {
    this.context.metrics.connectionsTimedOut++;
    this.context.log.problem(code, { conn: this.id, peer: this.peer, buffered: this.splitter.bufferedBytes });
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.head) {
      const head = this.head.length ? Buffer.concat([this.head, chunk]) : chunk;
      const decision = detectFlag(head);
      if (!decision.decided) { this.head = head; return; }
      this.head = null;
      chunk = head.subarray(decision.consumed);
    }
    this.splitter.push(chunk, Date.now());
    this.flush();
    if (this.socket.writableLength > this.context.limits.maxPendingOutputBytes || this.waiting > this.context.limits.maxPendingEvents) this.socket.pause();
  }

  private onLine(text: string): void {
    const { holder, enrichers, limits, log, metrics } = this.context;
    const started = process.hrtime.bigint();
    const event = ++this.events;
    metrics.eventsTotal++;
    const indicators = parseEventLine(text);
    const matched: string[] = [];
    const fromIndexes = indicators.length ? indexAnswer(holder.current, indicators, this.context.now(), matched) : '';
    if (enrichers.length === 0 || indicators.length === 0) {
      this.answer(fromIndexes + LOOKUP_FINISHED);
      metrics.matchesTotal += matched.length;
      log.lookup(this.id, this.peer, event, indicators, matched, Number(process.hrtime.bigint() - started) / 1000 | 0);
      return;
    }
    this.waiting++;
    const pending = enricherAnswer(enrichers, indicators, limits.enricherMs, matched, (name, message) => {
      metrics.enricherErrorsTotal++;
      log.problem('enricher_failed', { conn: this.id, event, enricher: name, error: message });
    });
    this.chain = this.chain.then(async () => {
      const fromEnrichers = await pending;
      this.waiting--;
      this.writeNow(fromIndexes + fromEnrichers + LOOKUP_FINISHED);
      metrics.matchesTotal += matched.length;
      log.lookup(this.id, this.peer, event, indicators, matched, Number(process.hrtime.bigint() - started) / 1000 | 0);
      this.resumeIfRoom();
    });
  }

  private onOverflow(bytes: number): void {
    this.context.metrics.linesRejectedTotal++;
    this.context.log.problem('line_too_long', { conn: this.id, peer: this.peer, bytes, limit: this.context.limits.maxLineBytes });
    this.answer(LOOKUP_FINISHED);
  }

  /** Queues an answer behind any still waiting for enrichers, so answers keep event order. */
  private answer(text: string): void {
    if (this.waiting === 0) { this.output += text; return; }
    this.chain = this.chain.then(() => this.writeNow(text));
  }

  private flush(): void {
    if (this.output === '') return;
    this.writeNow(this.output);
    this.output = '';
  }

  private writeNow(text: string): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(text);
  }

  private resumeIfRoom(): void {
    if (this.socket.isPaused() && this.socket.writableLength <= this.context.limits.maxPendingOutputBytes && this.waiting <= this.context.limits.maxPendingEvents) this.socket.resume();
  }
}
