import type { CaptureProblem, RawPacket } from '../capture/packet.js';
import type { DecodedPacket } from '../decode/packet.js';
import { FlowTable, type FlowTableOptions } from '../flow/index.js';
import { StreamWriters } from '../pipeline/stream-writers.js';
import { WeirdLog } from '../pipeline/weird-log.js';
import { createAppLayer } from '../proto/dispatch.js';
import type { Store } from '../store/duckdb.js';
import { allSchemas } from '../store/schema/index.js';
import type { LogRecord } from '../store/schema/types.js';
import { WeirdCounter } from '../util/weird.js';
import type { Analysis } from '../correlate/model.js';
import { alertsSchema } from '../store/schema/alerts.js';
import { AlertWatch, type AlertChange, type LiveDetector } from './alert-watch.js';
import { DetectionWindow } from './detection-window.js';
import type { LiveEventStream } from './event-stream.js';
import type { LiveHealth } from './events.js';
import { TrafficStats } from './traffic-stats.js';

/** Seconds between commits of the batched store writers, so queries and detection see recent records. */
export const STORE_FLUSH_SECONDS = 2;
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

/** How to analyse a live capture. */
export interface LiveAnalysisOptions {
  /** Where stats ticks, connection records, alerts and incidents are published. */
  events: LiveEventStream;
  /** Store receiving every log stream (batched) and the alerts; without it records are only published. */
  store?: Store;
  /** Seed of the deterministic connection uids. */
  uidSeed: string;
  /** Labels anomaly rows (`live:eth0`). */
  source: string;
  /** Run the application-layer analyzers (default true). */
  appLayer?: boolean;
  /** Flow-table settings (timeouts, budget, local networks). */
  flow?: Partial<Omit<FlowTableOptions, 'onConn' | 'weird' | 'analyzers' | 'uidSeed'>>;
  /**
   * Detection, run when new records arrived (at most every MIN_DETECT_SECONDS, see DETECT_SPACING) over the detection window (the last
   * DETECT_WINDOW_SECONDS of records, see DetectionWindow) and once more at the end
   * over the whole store. New and grown alerts are published; when the detector writes
   * the alerts table of the store it runs over (as runDetectors does), their rows are
   * copied into `store` as they fire, and the final run over `store` rewrites the table.
   */
  detector?: LiveDetector;
  /** Correlation of the alerts into incidents, run after every detection that changed something. */
  correlate?: LiveCorrelator;
}

/** Totals of a live analysis. */
export interface LiveAnalysisReport {
  packets: number;
  bytes: number;
  /** Records per log stream (`conn`, `dns`, `http`, `weird`…). */
  records: Record<string, number>;
  anomalies: Record<string, number>;
  flow: ReturnType<FlowTable['stats']>;
  /** Alerts published (first firings). */
  alerts: number;
  /** Detection runs skipped because the previous one was still running. */
  detectionsSkipped: number;
  /** Detection or correlation runs that failed, and the first failure's message. */
  detectionErrors: number;
  firstDetectionError: string | null;
  /** Records left out of live detection because the detection window was full (still stored and in the final run). */
  windowDropped: number;
  /** Events lost by subscribers that fell behind. */
  eventsDropped: number;
}

/**
 * The live pipeline after capture: decoded packets go through the flow table
 * and the application layer into the store (batched writers, committed every
 * STORE_FLUSH_SECONDS) and the detection window, and out on the event stream
 * as connection records, stats ticks (`tick`, about once a second), alerts
 * the moment a detection run finds them, and incidents.
 * @example
 * const live = await LiveAnalysis.create({ events, store, uidSeed: 'live:lo', source: 'live:lo', detector });
 * live.packet(ts, raw, pkt);   // per packet
 * await live.tick(nowSeconds); // every second
 * const report = await live.finish(lastTs);
 */
export class LiveAnalysis {
  private readonly stats = new TrafficStats();
  private readonly weird = new WeirdCounter();
  private readonly records: Record<string, number> = {};
  private readonly writers: StreamWriters | null;
  private readonly weirdLog: WeirdLog;
  private readonly flow: FlowTable;
  private readonly alertWatch: AlertWatch | null;
  private lastFlush = 0;
  private lastDetect = 0;
  private lastDetectSeconds = 0;
  private recordsAtDetect = 0;
  private recordCount = 0;
  private lastTick = 0;
  private alerts = 0;
  private detecting: Promise<void> | null = null;
  private errors = 0;
  private firstError: string | null = null;

  /** Prepares the store's tables and the detection window, then the pipeline. */
  static async create(opts: LiveAnalysisOptions): Promise<LiveAnalysis> {
    if (opts.store) for (const schema of allSchemas) await opts.store.ensure(schema);
    return new LiveAnalysis(opts, opts.detector ? await DetectionWindow.open() : null);
  }

  private constructor(private readonly opts: LiveAnalysisOptions, private readonly window: DetectionWindow | null) {
    this.writers = opts.store ? new StreamWriters(opts.store) : null;
    const emit = (stream: string, rec: LogRecord): void => {
      this.records[stream] = (this.records[stream] ?? 0) + 1;
      this.recordCount++;
      this.writers?.get(stream).append(rec);
      window?.append(stream, rec);
    };
    this.weirdLog = new WeirdLog({ append: (rec) => emit('weird', rec) });
    const appLayer = opts.appLayer === false ? undefined : createAppLayer({ emit, weird: this.weird });
    this.flow = new FlowTable({
      ...opts.flow, uidSeed: opts.uidSeed, weird: this.weird, analyzers: appLayer,
      onConn: (record) => {
        emit('conn', record);
        opts.events.publish({ type: 'conn', record });
      },
    });
    this.alertWatch = opts.detector ? new AlertWatch(opts.detector) : null;
  }

  /** Analyses one decoded packet captured at `ts` (epoch seconds). */
  packet(ts: number, raw: RawPacket, pkt: DecodedPacket): void {
    if (pkt.anomaly !== '') this.weirdLog.add(ts, pkt.anomaly, this.opts.source, raw);
    this.stats.add(ts, raw.origLen, pkt);
    this.flow.add(ts, raw, pkt);
  }

  /** Records damage in the capture stream itself. */
  problem(ts: number, p: CaptureProblem): void {
    this.weirdLog.addProblem(ts, p, this.opts.source);
  }

  /** Publishes a stats tick for the window ending at `now`; commits the store and runs detection when due (never two at once). */
  async tick(now: number): Promise<void> {
    this.lastTick = now;
    this.flow.advance(now);
    this.opts.events.publish({ ...this.stats.snapshot(now), health: this.health() });
    if (this.writers && now - this.lastFlush >= STORE_FLUSH_SECONDS) {
      this.writers.flush();
      this.lastFlush = now;
    }
    if (this.window && this.recordCount > this.recordsAtDetect && now - this.lastDetect >= Math.max(MIN_DETECT_SECONDS, DETECT_SPACING * this.lastDetectSeconds)) {
      if (this.detecting) {
        this.alertWatch!.skipped++;
        return;
      }
      this.lastDetect = now;
      this.recordsAtDetect = this.recordCount;
      const window = this.window;
      const started = performance.now();
      this.detecting = this.guarded(async () => {
        await window.trim(now);
        await this.detect(window.store, true);
      }).finally(() => {
        this.detecting = null;
        this.lastDetectSeconds = (performance.now() - started) / 1000;
      });
      await this.detecting;
    }
  }

  /** Ends every open connection at `lastTs`, commits the store, runs detection a last time (over the whole store if there is one) and returns the totals. */
  async finish(lastTs: number): Promise<LiveAnalysisReport> {
    this.flow.flush(lastTs);
    this.writers?.flush();
    await this.detecting;
    if (this.window) {
      const window = this.window;
      await this.guarded(async () => {
        if (this.opts.store) await this.detect(this.opts.store, false);
        else {
          await window.trim(Math.max(lastTs, this.lastTick));
          await this.detect(window.store, false);
        }
      });
      await window.close();
    }
    // Ticks come from the clock and packets may lag it: the last tick never goes back in time.
    this.opts.events.publish({ ...this.stats.snapshot(Math.max(lastTs, this.lastTick)), health: this.health() });
    return {
      packets: this.stats.totalPackets, bytes: this.stats.totalBytes, records: { ...this.records }, anomalies: this.weird.toJSON(),
      flow: this.flow.stats(), alerts: this.alerts, firstDetectionError: this.firstError, ...this.health(),
    };
  }

  /** The drop and failure counts so far. */
  private health(): LiveHealth {
    return {
      eventsDropped: this.opts.events.dropped(), windowDropped: this.window?.dropped ?? 0,
      detectionsSkipped: this.alertWatch?.skipped ?? 0, detectionErrors: this.errors,
    };
  }

  /** Runs `work`, counting a failure instead of throwing (a failed run must not stop the capture). */
  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.errors++;
      this.firstError ??= (err as Error).message.split('\n')[0];
    }
  }

  /** One detection run over `source`: publishes new and grown alerts (copying them into the store when `copy`), then the incidents. */
  private async detect(source: Store, copy: boolean): Promise<void> {
    const changes = await this.alertWatch!.poll(source);
    if (changes.length === 0) return;
    if (copy && this.opts.store) await copyAlerts(source, this.opts.store, changes);
    for (const { alert, revision } of changes) {
      if (revision === 1) this.alerts++;
      this.opts.events.publish({ type: 'alert', alert, revision });
    }
    if (this.opts.correlate) this.opts.events.publish({ type: 'incidents', incidents: (await this.opts.correlate(source)).incidents });
  }
}

/** Replaces the rows of the changed alerts in `to`'s alerts table with `from`'s (the detector wrote them there). */
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
