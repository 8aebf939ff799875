import type { Store } from '../store/duckdb.js';
import type { LiveAlert } from './events.js';

/**
 * The detection hook of the live analysis: runs detection over a store and
 * returns every current alert. Designed for the detection engine's batch
 * entry point: `async (store) => (await runDetectors(store)).alerts`.
 */
export type LiveDetector = (store: Store) => Promise<readonly LiveAlert[]>;

/** Alert ids remembered to report each alert once; past this, the oldest are forgotten (a flood of distinct alerts stays bounded). */
export const MAX_SEEN_ALERTS = 100_000;

/** Severities from lowest to highest, to tell when an alert got worse (unknown names rank lowest). */
const SEVERITY_ORDER = ['info', 'low', 'medium', 'high', 'critical'];

/** An alert worth reporting: new, or grown since it was last reported. */
export interface AlertChange {
  alert: LiveAlert;
  /** 1 the first time the id is reported, then 2, 3… each time its evidence grew. */
  revision: number;
}

interface Seen { lastSeen: number; rank: number; revision: number }

/**
 * Runs a LiveDetector over the store and reports the alerts it has not
 * reported before (by id, which the detection engine derives from the
 * detector and the finding's key), and again those whose evidence grew since
 * (a later `lastSeen`, a higher severity): a scan in progress is reported when
 * it crosses the threshold and then as it widens. An alert that shrank (its
 * oldest evidence left the detection window) is not reported again.
 * One run at a time: a poll while another is running is skipped (counted).
 */
export class AlertWatch {
  /** Polls skipped because the previous run had not finished. */
  skipped = 0;
  private readonly seen = new Map<string, Seen>();
  private running = false;

  constructor(private readonly detect: LiveDetector) {}

  /** Runs the detector once; resolves to the new and grown alerts, in the detector's order. */
  async poll(store: Store): Promise<AlertChange[]> {
    if (this.running) {
      this.skipped++;
      return [];
    }
    this.running = true;
    try {
      const changes: AlertChange[] = [];
      for (const alert of await this.detect(store)) {
        const now: Seen = { lastSeen: Number(alert.lastSeen ?? 0), rank: SEVERITY_ORDER.indexOf(alert.severity), revision: 1 };
        const before = this.seen.get(alert.id);
        if (before && now.lastSeen <= before.lastSeen && now.rank <= before.rank) continue;
        if (before) now.revision = before.revision + 1;
        this.remember(alert.id, before ? { lastSeen: Math.max(now.lastSeen, before.lastSeen), rank: Math.max(now.rank, before.rank), revision: now.revision } : now);
        changes.push({ alert, revision: now.revision });
      }
      return changes;
    } finally {
      this.running = false;
    }
  }

  private remember(id: string, seen: Seen): void {
    this.seen.delete(id);
    if (this.seen.size >= MAX_SEEN_ALERTS) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(id, seen);
  }
}
