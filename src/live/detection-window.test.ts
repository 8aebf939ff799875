import { describe, expect, it } from 'vitest';
import { sampleConn } from '../store/test-records.js';
import { DETECT_WINDOW_SECONDS, DetectionWindow } from './detection-window.js';

const T0 = 1_600_000_000;

describe('DetectionWindow', () => {
  it('keeps the records that ended within the window (a long connection by its end), drops the rest on trim', async () => {
    const win = await DetectionWindow.open();
    win.append('conn', { ...sampleConn(1), uid: 'old', ts: T0, duration: 1 });
    win.append('conn', { ...sampleConn(2), uid: 'long', ts: T0, duration: 2000 });
    win.append('conn', { ...sampleConn(3), uid: 'recent', ts: T0 + 1500, duration: 1 });
    win.append('dns', { ts: T0, uid: 'old-dns', query: 'example.org' });
    win.append('pdns', { first_seen: T0, last_seen: T0 + 1400, answer: '192.0.2.1', query: 'example.org', count: 1, uid: 'd' });
    await win.trim(T0 + 1500 + 1);
    const uids = (await win.store.all('SELECT uid FROM conn ORDER BY uid')).map((r) => r.uid);
    expect(uids).toEqual(['long', 'recent']);
    expect(await win.store.all('SELECT uid FROM dns')).toEqual([]);
    expect(await win.store.all('SELECT uid FROM pdns')).toEqual([{ uid: 'd' }]);
    expect(win.size()).toBe(3);
    await win.trim(T0 + 2000 + DETECT_WINDOW_SECONDS + 1);
    expect(win.size()).toBe(0);
    await win.close();
  });

  it('holds at most maxRows records and counts what it left out, taking records again once old ones age out', async () => {
    const win = await DetectionWindow.open(3);
    for (let i = 0; i < 5; i++) win.append('conn', { ...sampleConn(i), ts: T0, duration: 0 });
    expect(win.dropped).toBe(2);
    await win.trim(T0 + 1);
    expect(win.size()).toBe(3);
    await win.trim(T0 + DETECT_WINDOW_SECONDS + 1);
    win.append('conn', { ...sampleConn(9), ts: T0 + DETECT_WINDOW_SECONDS, duration: 0 });
    expect(win.dropped).toBe(2);
    await win.trim(T0 + DETECT_WINDOW_SECONDS + 1);
    expect(win.size()).toBe(1);
    await win.close();
  });
});
