import type { Analysis } from '../correlate/model.js';
import type { Store } from '../store/duckdb.js';
import { alertsSchema } from '../store/schema/alerts.js';
import type { LogRecord } from '../store/schema/types.js';
import { AlertWatch, type AlertChange, type LiveDetector } from './alert-watch.js';
import { DetectionWindow } from './detection-window.js';
import type { LiveEventStream } from './event-stream.js';

/** Shortest time between two detection runs over the detection window. */
export const MIN_DETECT_SECONDS = 1;
/**
 * A detection run is due only when records arrived since the last one, and
 * not before DETECT_SPACING times the last run's duration has passed: on a
 * slow machine or a full window detection takes at most about a third of the time.
 */
export const DETECT_SPACING = 2;

/**
 * The correlation hook: the incidents of the alerts in a store. Designed for
 * the correlation engine's entry point `correlate(store)`.
 */
export type LiveCorrelator = (store: Store) => Promise<Pick<Analysis, 'incidents'>>;

/** What live detection needs. */
export interface LiveDetectionOptions {
  events: LiveEventStream;
  detector: LiveDetector;
  correlate?: LiveCorrelator;
  /** The capture's store: alerts are copied into it as they fire, and the last run covers all of it. */
  store?: Store;
}

/**
 * Detection during a live capture: records go into a DetectionWindow; `tick`
 * runs the detector over it when due (never two runs at once), publishes new
 * and grown alerts, copies them into the capture's store, and re-correlates.
 * Failures are counted, never thrown: a failed run must not stop the capture.
 */
export class LiveDetection {
  /** Alerts published for the first time. */
  alerts = 0;
  errors = 0;
  firstError: string | null = null;
  private readonly watch: AlertWatch;
  private running: Promise<void> | null = null;
  private finishing = false;
  private lastRun = 0;
  private lastRunSeconds = 0;
  private appended = 0;
  private appendedAtRun = 0;

  private constructor(private readonly opts: LiveDetectionOptions, private readonly window: DetectionWindow) {
    this.watch = new AlertWatch(opts.detector);
  }

  /** Opens the detection window. */
  static async open(opts: LiveDetectionOptions): Promise<LiveDetection> {
    return new LiveDetection(opts, await DetectionWindow.open());
  }

  /** Adds a log record of `stream` to the window. */
  append(stream: string, rec: LogRecord): void {
    this.appended++;
    this.window.append(stream, rec);
  }

  /**
   * Runs detection over the window ending at `now` if it is due. While a run
   * is going, nothing starts: the window keeps the records, and the next
   * tick after it covers them (nothing is lost, so nothing is counted).
   */
  async tick(now: number): Promise<void> {
    if (this.finishing || this.running || this.appended === this.appendedAtRun) return;
    if (now - this.lastRun < Math.max(MIN_DETECT_SECONDS, DETECT_SPACING * this.lastRunSeconds)) return;
    this.lastRun = now;
    this.appendedAtRun = this.appended;
    const started = performance.now();
    this.running = this.guarded(async () => {
      await this.window.trim(now);
      await this.run(this.window.store, true);
    }).finally(() => {
      this.running = null;
      this.lastRunSeconds = (performance.now() - started) / 1000;
    });
    await this.running;
  }

  /** The last run, over the whole store if there is one (else the window ending at `lastTs`); then frees the window. */
  async finish(lastTs: number): Promise<void> {
    // No run may start from here on: one would still query the window after close() freed it.
    this.finishing = true;
    await this.running;
    await this.guarded(async () => {
      if (this.opts.store) await this.run(this.opts.store, false);
      else {
        await this.window.trim(lastTs);
        await this.run(this.window.store, false);
      }
    });
    await this.window.close();
  }

  /** Records left out of the window so far (it was full). */
  windowDropped(): number {
    return this.window.dropped;
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.errors++;
      this.firstError ??= (err as Error).message.split('\n')[0];
    }
  }

  /** One run over `source`: publishes new and grown alerts (copying them into the store when `copy`), then the incidents. */
  private async run(source: Store, copy: boolean): Promise<void> {
    const changes = await this.watch.poll(source);
    if (changes.length === 0) return;
    if (copy && this.opts.store) await copyAlerts(source, this.opts.store, changes);
    for (const { alert, revision } of changes) {
      if (revision === 1) this.alerts++;
      this.opts.events.publish({ type: 'alert', alert, revision });
    }
    if (this.opts.correlate) this.opts.events.publish({ type: 'incidents', incidents: (await this.opts.correlate(source)).incidents });
  }
}

/** Replaces the rows of the changed alerts in `to`'s alerts table with `from`'s (the detector wrote them there, as runDetectors does). */
async function copyAlerts(from: Store, to: Store, changes: readonly AlertChange[]): Promise<void> {
  const writer = to.writer(alertsSchema);
  for (const { alert } of changes) {
    const rows = await from.all('SELECT * FROM alerts WHERE id = ?', [alert.id]);
    if (rows.length === 0) continue;
    await to.run('DELETE FROM alerts WHERE id = ?', [alert.id]);
    for (const row of rows) writer.append(row as LogRecord);
  }
  writer.flush();
}
