import { describe, expect, it } from 'vitest';
import { LiveEventStream } from './event-stream.js';
import type { LiveEvent } from './events.js';

function alert(n: number): LiveEvent {
  return { type: 'alert', alert: { id: `a${n}`, severity: 'low' }, revision: 1 };
}

async function collect(it: AsyncIterable<LiveEvent>): Promise<string[]> {
  const ids: string[] = [];
  for await (const ev of it) if (ev.type === 'alert') ids.push(ev.alert.id);
  return ids;
}

describe('LiveEventStream', () => {
  it('gives every subscriber every event in order, then ends', async () => {
    const events = new LiveEventStream();
    const a = collect(events.subscribe());
    const b = collect(events.subscribe());
    for (let i = 0; i < 5; i++) events.publish(alert(i));
    events.end();
    expect(await a).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(await b).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(events.dropped()).toBe(0);
  });

  it('drops the oldest events of a subscriber that falls behind, and counts them', async () => {
    const events = new LiveEventStream(3);
    const slow = events.subscribe();
    for (let i = 0; i < 10; i++) events.publish(alert(i));
    events.end();
    expect(await collect(slow)).toEqual(['a7', 'a8', 'a9']);
    expect(events.dropped()).toBe(7);
  });

  it('gives a subscriber its own, smaller queue limit when asked', async () => {
    const events = new LiveEventStream(100);
    const small = events.subscribe(2);
    const large = events.subscribe();
    for (let i = 0; i < 5; i++) events.publish(alert(i));
    events.end();
    expect(await collect(small)).toEqual(['a3', 'a4']);
    expect(await collect(large)).toHaveLength(5);
    expect(events.dropped()).toBe(3);
  });

  it('wakes a waiting reader at once', async () => {
    const events = new LiveEventStream();
    const sub = events.subscribe();
    const next = sub.next();
    events.publish(alert(1));
    expect(await next).toEqual({ value: alert(1), done: false });
  });

  it('forgets a subscriber that leaves, keeping its drop count', async () => {
    const events = new LiveEventStream(1);
    const sub = events.subscribe();
    events.publish(alert(1));
    events.publish(alert(2));
    for await (const ev of sub) { expect(ev).toEqual(alert(2)); break; }
    events.publish(alert(3));
    expect(events.dropped()).toBe(1);
    expect(await sub.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a subscription made after the end at once', async () => {
    const events = new LiveEventStream();
    events.end();
    expect(await collect(events.subscribe())).toEqual([]);
  });
});
