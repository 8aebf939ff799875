import { describe, expect, it } from 'vitest';
import type { Store } from '../store/duckdb.js';
import { AlertWatch } from './alert-watch.js';
import type { LiveAlert } from './events.js';

const store = {} as Store;

describe('AlertWatch', () => {
  it('reports each alert id once, in the detector order', async () => {
    const runs: LiveAlert[][] = [
      [{ id: 'scan', severity: 'medium' }],
      [{ id: 'scan', severity: 'high' }, { id: 'beacon', severity: 'low' }],
      [{ id: 'beacon', severity: 'low' }, { id: 'scan', severity: 'high' }],
    ];
    const watch = new AlertWatch(async () => runs.shift() ?? []);
    expect((await watch.poll(store)).map((a) => a.id)).toEqual(['scan']);
    expect((await watch.poll(store)).map((a) => a.id)).toEqual(['beacon']);
    expect(await watch.poll(store)).toEqual([]);
  });

  it('skips a poll while the previous run is still going, and counts it', async () => {
    let release: () => void = () => undefined;
    const watch = new AlertWatch(() => new Promise((resolve) => { release = () => resolve([{ id: 'x', severity: 'low' }]); }));
    const first = watch.poll(store);
    expect(await watch.poll(store)).toEqual([]);
    expect(watch.skipped).toBe(1);
    release();
    expect((await first).map((a) => a.id)).toEqual(['x']);
  });
});
