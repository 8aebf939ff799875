import type { Store } from '../store/duckdb.js';
import type { LiveAlert } from './events.js';

/**
 * The detection hook of the live analysis: runs detection over the live
 * store and returns every current alert. Designed for the detection engine's
 * batch entry point: `async (store) => (await runDetectors(store)).alerts`.
 */
export type LiveDetector = (store: Store) => Promise<readonly LiveAlert[]>;

/** Alert ids remembered to report each alert once; past this, the oldest are forgotten (a flood of distinct alerts stays bounded). */
export const MAX_SEEN_ALERTS = 100_000;

/**
 * Runs a LiveDetector over the store and reports only the alerts it has not
 * reported before (by id), in the order the detector returned them. One run
 * at a time: a poll while another is running is skipped (counted).
 */
export class AlertWatch {
  /** Polls skipped because the previous run had not finished. */
  skipped = 0;
  private readonly seen = new Set<string>();
  private running = false;

  constructor(private readonly detect: LiveDetector) {}

  /** Runs the detector once; resolves to the new alerts. */
  async poll(store: Store): Promise<LiveAlert[]> {
    if (this.running) {
      this.skipped++;
      return [];
    }
    this.running = true;
    try {
      const fresh: LiveAlert[] = [];
      for (const alert of await this.detect(store)) {
        if (this.seen.has(alert.id)) continue;
        this.remember(alert.id);
        fresh.push(alert);
      }
      return fresh;
    } finally {
      this.running = false;
    }
  }

  private remember(id: string): void {
    if (this.seen.size >= MAX_SEEN_ALERTS) this.seen.delete(this.seen.values().next().value as string);
    this.seen.add(id);
  }
}
