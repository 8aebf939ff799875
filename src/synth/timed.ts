import type { FrameSpec } from './frame-builder.js';
import type { TimedFrame } from './mixed-traffic.js';

/** Gives each frame of a session a time: `startMicros`, then `gapMicros` apart. */
export function* timed(startMicros: number, gapMicros: number, frames: Iterable<FrameSpec>): Generator<TimedFrame> {
  let ts = startMicros;
  for (const frame of frames) {
    yield { tsMicros: Math.floor(ts), frame };
    ts += gapMicros;
  }
}

/** Merges time-ordered frame streams into one time-ordered stream. */
export function* mergeByTime(streams: Iterable<TimedFrame>[]): Generator<TimedFrame> {
  const its = streams.map((s) => s[Symbol.iterator]());
  const heads = its.map((it) => it.next());
  while (true) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h.done && (best < 0 || h.value.tsMicros < (heads[best].value as TimedFrame).tsMicros)) best = i;
    }
    if (best < 0) return;
    yield heads[best].value as TimedFrame;
    heads[best] = its[best].next();
  }
}

/** Runs several streams one after another, each started by a generator function. */
export function* sequence(parts: Iterable<TimedFrame>[]): Generator<TimedFrame> {
  for (const p of parts) yield* p;
}
