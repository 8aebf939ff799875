import { describe, expect, it } from 'vitest';
import { LiveEventStream, type LiveEvent } from '../live/index.js';
import { LiveDashboard, MAX_DASHBOARD_ALERTS, MAX_SERIES_POINTS, toUpdate } from './live-dashboard.js';

const tick = (ts: number): LiveEvent => ({
  type: 'stats', ts, windowSeconds: 10, packetsPerSec: ts, bytesPerSec: 2 * ts, protocols: { udp: ts }, topTalkers: [{ ip: '10.0.0.1', packets: 1, bytes: 60 }], totalPackets: ts, totalBytes: 60 * ts,
  health: { eventsDropped: ts, windowDropped: 0, detectionErrors: 0 },
});

describe('LiveDashboard', () => {
  it('keeps the last MAX_SERIES_POINTS rates, the latest mix and talkers, and at most MAX_DASHBOARD_ALERTS alerts (newest revision each)', async () => {
    const dashboard = LiveDashboard.follow(new LiveEventStream(), 'live:lo');
    for (let ts = 1; ts <= MAX_SERIES_POINTS + 5; ts++) dashboard.apply(tick(ts));
    for (let i = 0; i < MAX_DASHBOARD_ALERTS + 3; i++) dashboard.apply({ type: 'alert', alert: { id: `a${i}`, severity: 'low' }, revision: 1 });
    dashboard.apply({ type: 'alert', alert: { id: 'a10', severity: 'high' }, revision: 2 });
    dashboard.apply({ type: 'incidents', incidents: [] });
    const s = await dashboard.snapshot();
    expect(s.series).toHaveLength(MAX_SERIES_POINTS);
    expect(s.series[0].ts).toBe(6);
    expect(s.protocols).toEqual({ udp: MAX_SERIES_POINTS + 5 });
    expect(s.totals).toEqual({ packets: MAX_SERIES_POINTS + 5, bytes: 60 * (MAX_SERIES_POINTS + 5) });
    expect(s.health).toEqual({ eventsDropped: MAX_SERIES_POINTS + 5, windowDropped: 0, detectionErrors: 0 });
    expect(s.alerts).toHaveLength(MAX_DASHBOARD_ALERTS);
    expect(s.alerts.find((a) => a.id === 'a0')).toBeUndefined();
    expect(s.alerts.at(-1)).toEqual({ id: 'a10', severity: 'high' });
  });

  it('leaves connection records out of the page updates', () => {
    expect(toUpdate({ type: 'conn', record: {} as never })).toBeNull();
    expect(toUpdate(tick(3))).toMatchObject({ event: 'stats', data: { point: { ts: 3, packetsPerSec: 3, bytesPerSec: 6 } } });
  });

  it('marks the snapshot ended once the capture ends', async () => {
    const events = new LiveEventStream();
    const dashboard = LiveDashboard.follow(events, 'live:lo');
    events.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await dashboard.snapshot()).ended).toBe(true);
  });
});
