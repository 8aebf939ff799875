import type { LiveEvent } from './events.js';

/** Events a subscriber may have waiting before the oldest are dropped (a stalled dashboard must not grow memory). */
export const DEFAULT_SUBSCRIBER_QUEUE = 10_000;

/** One subscriber: a bounded ring of waiting events and a waiting reader, if any. */
class Subscription implements AsyncIterableIterator<LiveEvent> {
  /** Events dropped because this subscriber fell behind. */
  dropped = 0;
  private readonly ring: (LiveEvent | undefined)[];
  private head = 0;
  private size = 0;
  private closed = false;
  private wake: ((r: IteratorResult<LiveEvent>) => void) | null = null;

  constructor(capacity: number, private readonly onReturn: (s: Subscription) => void) {
    this.ring = new Array<LiveEvent | undefined>(capacity);
  }

  push(ev: LiveEvent): void {
    if (this.closed) return;
    if (this.wake) {
      const wake = this.wake;
      this.wake = null;
      wake({ value: ev, done: false });
      return;
    }
    if (this.size === this.ring.length) {
      this.head = (this.head + 1) % this.ring.length;
      this.size--;
      this.dropped++;
    }
    this.ring[(this.head + this.size) % this.ring.length] = ev;
    this.size++;
  }

  end(): void {
    this.closed = true;
    if (this.wake) {
      this.wake({ value: undefined, done: true });
      this.wake = null;
    }
  }

  next(): Promise<IteratorResult<LiveEvent>> {
    if (this.size > 0) {
      const value = this.ring[this.head] as LiveEvent;
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % this.ring.length;
      this.size--;
      return Promise.resolve({ value, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => { this.wake = resolve; });
  }

  return(): Promise<IteratorResult<LiveEvent>> {
    this.onReturn(this);
    this.end();
    this.size = 0;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LiveEvent> {
    return this;
  }
}

/**
 * Fan-out of live events to any number of subscribers (the NDJSON printer, a
 * dashboard's SSE connections). Each subscriber has its own bounded queue:
 * one that falls behind loses its oldest events (counted in `dropped`),
 * never slows the capture and never grows memory without bound.
 * @example
 * const events = new LiveEventStream();
 * for await (const ev of events.subscribe()) if (ev.type === 'alert') show(ev.alert);
 */
export class LiveEventStream {
  private readonly subscribers = new Set<Subscription>();
  private droppedByGone = 0;
  private ended = false;

  constructor(private readonly capacity = DEFAULT_SUBSCRIBER_QUEUE) {}

  /** A new subscriber, seeing every event published from now on, with its own queue limit (default: the stream's); break out of the loop to leave. */
  subscribe(capacity = this.capacity): AsyncIterableIterator<LiveEvent> {
    const sub = new Subscription(capacity, (s) => this.leave(s));
    if (this.ended) sub.end();
    else this.subscribers.add(sub);
    return sub;
  }

  /** Hands an event to every subscriber. */
  publish(ev: LiveEvent): void {
    for (const sub of this.subscribers) sub.push(ev);
  }

  /** Ends every subscription (their loops finish after the waiting events). */
  end(): void {
    this.ended = true;
    for (const sub of this.subscribers) sub.end();
  }

  /** Events dropped across all subscribers, past and present, because they fell behind. */
  dropped(): number {
    let n = this.droppedByGone;
    for (const sub of this.subscribers) n += sub.dropped;
    return n;
  }

  private leave(sub: Subscription): void {
    if (this.subscribers.delete(sub)) this.droppedByGone += sub.dropped;
  }
}
