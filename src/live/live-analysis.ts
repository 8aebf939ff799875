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
import { AlertWatch, type LiveDetector } from './alert-watch.js';
import type { LiveEventStream } from './event-stream.js';
import { TrafficStats } from './traffic-stats.js';

/** Seconds between commits of the batched store writers, so queries and detection see recent records. */
export const STORE_FLUSH_SECONDS = 2;
/** Seconds between detection runs over the live store. */
export const DETECT_EVERY_SECONDS = 3;

/** How to analyse a live capture. */
export interface LiveAnalysisOptions {
  /** Where stats ticks, connection records and alerts are published. */
  events: LiveEventStream;
  /** Store receiving every log stream (batched); without it records are only published. */
  store?: Store;
  /** Seed of the deterministic connection uids. */
  uidSeed: string;
  /** Labels anomaly rows (`live:eth0`). */
  source: string;
  /** Run the application-layer analyzers (default true). */
  appLayer?: boolean;
  /** Flow-table settings (timeouts, budget, local networks). */
  flow?: Partial<Omit<FlowTableOptions, 'onConn' | 'weird' | 'analyzers' | 'uidSeed'>>;
  /** Detection run over the store every DETECT_EVERY_SECONDS (needs a store). */
  detector?: LiveDetector;
}

/** Totals of a live analysis. */
export interface LiveAnalysisReport {
  packets: number;
  bytes: number;
  /** Records per log stream (`conn`, `dns`, `http`, `weird`…). */
  records: Record<string, number>;
  anomalies: Record<string, number>;
  flow: ReturnType<FlowTable['stats']>;
  alerts: number;
  /** Detection runs skipped because the previous one was still running. */
  detectionsSkipped: number;
  /** Events lost by subscribers that fell behind. */
  eventsDropped: number;
}

/**
 * The live pipeline after capture: decoded packets go through the flow table
 * and the application layer into the store (batched writers, committed every
 * STORE_FLUSH_SECONDS), and out on the event stream as connection records,
 * stats ticks (`tick`, about once a second) and new alerts.
 * @example
 * const live = await LiveAnalysis.create({ events, store, uidSeed: 'live:lo', source: 'live:lo' });
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
  private lastTick = 0;
  private alerts = 0;

  /** Prepares the store's tables, then the pipeline. */
  static async create(opts: LiveAnalysisOptions): Promise<LiveAnalysis> {
    if (opts.store) for (const schema of allSchemas) await opts.store.ensure(schema);
    return new LiveAnalysis(opts);
  }

  private constructor(private readonly opts: LiveAnalysisOptions) {
    this.writers = opts.store ? new StreamWriters(opts.store) : null;
    const emit = (stream: string, rec: LogRecord): void => {
      this.records[stream] = (this.records[stream] ?? 0) + 1;
      this.writers?.get(stream).append(rec);
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
    this.alertWatch = opts.detector && opts.store ? new AlertWatch(opts.detector) : null;
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

  /** Publishes a stats tick for the window ending at `now`; commits the store and runs detection when due. */
  async tick(now: number): Promise<void> {
    this.lastTick = now;
    this.flow.advance(now);
    this.opts.events.publish(this.stats.snapshot(now));
    if (this.writers && now - this.lastFlush >= STORE_FLUSH_SECONDS) {
      this.writers.flush();
      this.lastFlush = now;
    }
    if (this.alertWatch && now - this.lastDetect >= DETECT_EVERY_SECONDS) {
      this.lastDetect = now;
      await this.detect();
    }
  }

  /** Ends every open connection at `lastTs`, commits the store, runs detection a last time and returns the totals. */
  async finish(lastTs: number): Promise<LiveAnalysisReport> {
    this.flow.flush(lastTs);
    this.writers?.flush();
    if (this.alertWatch) await this.detect();
    // Ticks come from the clock and packets may lag it: the last tick never goes back in time.
    this.opts.events.publish(this.stats.snapshot(Math.max(lastTs, this.lastTick)));
    return {
      packets: this.stats.totalPackets, bytes: this.stats.totalBytes, records: { ...this.records }, anomalies: this.weird.toJSON(),
      flow: this.flow.stats(), alerts: this.alerts, detectionsSkipped: this.alertWatch?.skipped ?? 0, eventsDropped: this.opts.events.dropped(),
    };
  }

  private async detect(): Promise<void> {
    for (const alert of await this.alertWatch!.poll(this.opts.store!)) {
      this.alerts++;
      this.opts.events.publish({ type: 'alert', alert });
    }
  }
}
