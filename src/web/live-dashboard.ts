import type { Incident } from '../correlate/model.js';
import type { LiveAlert, LiveEvent, LiveEventStream, LiveHealth, Talker } from '../live/index.js';
import type { DashboardFeed, DashboardSnapshot, DashboardUpdate, RatePoint } from './dashboard-model.js';

/** Points of the traffic chart kept (one a second: ten minutes). */
export const MAX_SERIES_POINTS = 600;
/** Alerts kept for the page; past it the least recently changed are forgotten. */
export const MAX_DASHBOARD_ALERTS = 2000;
/** Events a page's stream may have waiting (incidents events can be large; a stalled page loses the oldest, counted). */
export const PAGE_QUEUE = 1000;

/** The dashboard update for a live event; connection records are not shown (null). */
export function toUpdate(ev: LiveEvent): DashboardUpdate | null {
  switch (ev.type) {
    case 'stats':
      return {
        event: 'stats',
        data: {
          point: { ts: ev.ts, packetsPerSec: ev.packetsPerSec, bytesPerSec: ev.bytesPerSec }, protocols: ev.protocols, topTalkers: ev.topTalkers,
          totals: { packets: ev.totalPackets, bytes: ev.totalBytes }, health: ev.health ?? null,
        },
      };
    case 'alert':
      return { event: 'alert', data: { alert: ev.alert, revision: ev.revision } };
    case 'incidents':
      return { event: 'incidents', data: { incidents: ev.incidents } };
    default:
      return null;
  }
}

/**
 * The dashboard of a running capture: follows the live event stream (as one
 * bounded subscriber) and keeps what a page opened now must see first — the
 * last MAX_SERIES_POINTS rates, the latest protocol mix and talkers, the
 * current alerts and incidents. Each page then follows the stream itself.
 * @example const feed = LiveDashboard.follow(events, 'live:lo'); routes = dashboardRoutes(feed);
 */
export class LiveDashboard implements DashboardFeed {
  private readonly series: RatePoint[] = [];
  private protocols: Record<string, number> = {};
  private topTalkers: Talker[] = [];
  private totals = { packets: 0, bytes: 0 };
  private health: LiveHealth | null = null;
  private readonly alerts = new Map<string, LiveAlert>();
  private incidents: Incident[] = [];
  private ended = false;

  private constructor(private readonly events: LiveEventStream, private readonly source: string) {}

  /** Starts following `events` (until they end). */
  static follow(events: LiveEventStream, source: string): LiveDashboard {
    const dashboard = new LiveDashboard(events, source);
    void (async () => {
      for await (const ev of events.subscribe()) dashboard.apply(ev);
      dashboard.ended = true;
    })();
    return dashboard;
  }

  /** Folds one event into the state. */
  apply(ev: LiveEvent): void {
    const update = toUpdate(ev);
    if (update?.event === 'stats') {
      const { point, protocols, topTalkers, totals, health } = update.data;
      if (this.series.length === MAX_SERIES_POINTS) this.series.shift();
      this.series.push(point);
      this.protocols = protocols;
      this.topTalkers = topTalkers;
      this.totals = totals;
      this.health = health;
    } else if (update?.event === 'alert') {
      this.alerts.delete(update.data.alert.id);
      if (this.alerts.size === MAX_DASHBOARD_ALERTS) this.alerts.delete(this.alerts.keys().next().value as string);
      this.alerts.set(update.data.alert.id, update.data.alert);
    } else if (update?.event === 'incidents') {
      this.incidents = update.data.incidents;
    }
  }

  async snapshot(): Promise<DashboardSnapshot> {
    return {
      mode: 'live', source: this.source, series: [...this.series], protocols: this.protocols, topTalkers: this.topTalkers,
      totals: this.totals, alerts: [...this.alerts.values()], incidents: this.incidents, ended: this.ended, health: this.health,
    };
  }

  /** Subscribes now (so nothing published after the snapshot is missed) and yields the updates. */
  updates(): AsyncIterableIterator<DashboardUpdate> {
    const sub = this.events.subscribe(PAGE_QUEUE);
    const it: AsyncIterableIterator<DashboardUpdate> = {
      async next() {
        for (;;) {
          const r = await sub.next();
          if (r.done) return { value: undefined, done: true };
          const update = toUpdate(r.value);
          if (update) return { value: update, done: false };
        }
      },
      async return() {
        await sub.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }
}
