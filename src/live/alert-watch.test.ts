import { describe, expect, it } from 'vitest';
import type { Store } from '../store/duckdb.js';
import { AlertWatch } from './alert-watch.js';
import type { LiveAlert } from './events.js';

const store = {} as Store;

describe('AlertWatch', () => {
  it('reports each alert id once, then again only when its evidence grew', async () => {
    const runs: LiveAlert[][] = [
      [{ id: 'scan', severity: 'medium', lastSeen: 10 }],
      [{ id: 'scan', severity: 'medium', lastSeen: 10 }, { id: 'beacon', severity: 'low', lastSeen: 5 }],
      [{ id: 'beacon', severity: 'low', lastSeen: 5 }, { id: 'scan', severity: 'medium', lastSeen: 14 }],
      [{ id: 'scan', severity: 'high', lastSeen: 14 }],
      [{ id: 'scan', severity: 'medium', lastSeen: 12 }],
    ];
    const watch = new AlertWatch(async () => runs.shift() ?? []);
    const poll = async (): Promise<string[]> => (await watch.poll(store)).map((c) => `${c.alert.id}#${c.revision}`);
    expect(await poll()).toEqual(['scan#1']);
    expect(await poll()).toEqual(['beacon#1']);
    expect(await poll()).toEqual(['scan#2']);
    expect(await poll()).toEqual(['scan#3']);
    expect(await poll()).toEqual([]); // shrank (old evidence left the window): not news
  });

  it('skips a poll while the previous run is still going, and counts it', async () => {
    let release: () => void = () => undefined;
    const watch = new AlertWatch(() => new Promise((resolve) => { release = () => resolve([{ id: 'x', severity: 'low' }]); }));
    const first = watch.poll(store);
    expect(await watch.poll(store)).toEqual([]);
    expect(watch.skipped).toBe(1);
    release();
    expect((await first).map((c) => c.alert.id)).toEqual(['x']);
  });
});
