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
import type { LiveDetector } from './alert-watch.js';
import type { LiveEventStream } from './event-stream.js';
import type { LiveHealth } from './events.js';
import { LiveDetection, type LiveCorrelator } from './live-detection.js';
import { TrafficStats } from './traffic-stats.js';

/** Seconds between commits of the batched store writers, so queries and detection see recent records. */
export const STORE_FLUSH_SECONDS = 2;

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
   * Detection (see LiveDetection), run when new records arrived, at most once a second, over the detection window (the last
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
  private lastFlush = 0;
  private lastTick = 0;
  private finishing = false;

  /** Prepares the store's tables and the detection window, then the pipeline. */
  static async create(opts: LiveAnalysisOptions): Promise<LiveAnalysis> {
    if (opts.store) for (const schema of allSchemas) await opts.store.ensure(schema);
    const detection = opts.detector ? await LiveDetection.open({ events: opts.events, detector: opts.detector, correlate: opts.correlate, store: opts.store }) : null;
    return new LiveAnalysis(opts, detection);
  }

  private constructor(private readonly opts: LiveAnalysisOptions, private readonly detection: LiveDetection | null) {
    this.writers = opts.store ? new StreamWriters(opts.store) : null;
    const emit = (stream: string, rec: LogRecord): void => {
      this.records[stream] = (this.records[stream] ?? 0) + 1;
      this.writers?.get(stream).append(rec);
      detection?.append(stream, rec);
    };
    this.weirdLog = new WeirdLog({ append: (rec) => emit('weird', rec) });
    const appLayer = opts.appLayer === false ? undefined : createAppLayer({ emit, weird: this.weird, localNets: opts.flow?.localNets });
    this.flow = new FlowTable({
      ...opts.flow, uidSeed: opts.uidSeed, weird: this.weird, analyzers: appLayer,
      onConn: (record) => {
        emit('conn', record);
        opts.events.publish({ type: 'conn', record });
      },
    });
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
    // A clock tick that arrives while finish() runs changes nothing: the window is being closed.
    if (this.finishing) return;
    this.lastTick = now;
    this.flow.advance(now);
    this.opts.events.publish({ ...this.stats.snapshot(now), health: this.health() });
    if (this.writers && now - this.lastFlush >= STORE_FLUSH_SECONDS) {
      this.writers.flush();
      this.lastFlush = now;
    }
    await this.detection?.tick(now);
  }

  /** Ends every open connection at `lastTs`, commits the store, runs detection a last time (over the whole store if there is one) and returns the totals. */
  async finish(lastTs: number): Promise<LiveAnalysisReport> {
    this.finishing = true;
    this.flow.flush(lastTs);
    this.writers?.flush();
    await this.detection?.finish(Math.max(lastTs, this.lastTick));
    // Ticks come from the clock and packets may lag it: the last tick never goes back in time.
    this.opts.events.publish({ ...this.stats.snapshot(Math.max(lastTs, this.lastTick)), health: this.health() });
    return {
      packets: this.stats.totalPackets, bytes: this.stats.totalBytes, records: { ...this.records }, anomalies: this.weird.toJSON(),
      flow: this.flow.stats(), alerts: this.detection?.alerts ?? 0, firstDetectionError: this.detection?.firstError ?? null, ...this.health(),
    };
  }

  /** The drop and failure counts so far. */
  private health(): LiveHealth {
    return {
      eventsDropped: this.opts.events.dropped(), windowDropped: this.detection?.windowDropped() ?? 0, detectionErrors: this.detection?.errors ?? 0,
    };
  }
}
