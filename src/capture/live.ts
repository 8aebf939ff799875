import { Readable } from 'node:stream';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { compileFilter, type ProtocolName } from '../filter/index.js';
import { LiveAnalysis, type LiveAnalysisReport, type LiveCorrelator, type LiveDetector, type LiveEventStream } from '../live/index.js';
import { openStore, recordIngest, type Store } from '../store/duckdb.js';
import { ingestsSchema } from '../store/schema/ingests.js';
import { version } from '../util/version.js';
import { CsvMetadataWriter } from './csv-metadata.js';
import type { TcpdumpStats } from './drop-stats.js';
import type { CaptureSink, RawPacket } from './packet.js';
import { readCaptureStream } from './read-capture.js';
import { RotatingCaptureWriter, type RotationRule } from './rotation.js';
import { TcpdumpProcess, type TcpdumpOptions } from './tcpdump-process.js';

/** Milliseconds between stats ticks (and store commits / detection runs when due). */
const TICK_MS = 1000;

/** What to capture and where to put it. */
export interface LiveCaptureOptions extends TcpdumpOptions {
  /** Keep only these protocols (checked after decoding); empty keeps everything tcpdump passes. */
  protocols?: readonly ProtocolName[];
  /** pcap output path (with `rotate`, the base of the numbered series). */
  writePath?: string;
  rotate?: RotationRule | null;
  /** Packet metadata CSV path. */
  csvPath?: string;
  /** Stop after this many seconds of capture. */
  durationSeconds?: number;
  /** Stop after this many packets kept. */
  count?: number;
  /** Store for connection and protocol records; without it they are only published. */
  dbPath?: string;
  /** An open store to use instead of `dbPath` (left open at the end: the caller owns it). */
  store?: Store;
  /** Where stats ticks, connection records and alerts go. */
  events: LiveEventStream;
  /** Detection over the recent records (see LiveAnalysisOptions.detector). */
  detector?: LiveDetector;
  /** Correlation of the alerts into incidents. */
  correlate?: LiveCorrelator;
  /** Called once tcpdump is listening. */
  onListening?: () => void;
}

/** Totals of a live capture. */
export interface LiveCaptureReport {
  /** tcpdump's own counters (null if it printed none). */
  tcpdump: TcpdumpStats | null;
  /** Packets Tracer read from tcpdump. */
  read: number;
  /** Packets kept after --protocol and --count. */
  kept: number;
  /** Times reading from tcpdump paused until the pcap or CSV file caught up (back-pressure). */
  backpressureWaits: number;
  /** Damaged spots in tcpdump's stream (should be 0). */
  streamProblems: number;
  /** pcap files written, in order. */
  files: string[];
  sha256: string;
  streamBytes: number;
  analysis: LiveAnalysisReport;
}

/**
 * Captures from an interface through tcpdump (libpcap does the capture and
 * the BPF filter), writes the kept packets to pcap (optionally rotated) and
 * CSV, and analyses them live (see LiveAnalysis). Reading pauses while an
 * output file lags, so memory stays bounded; tcpdump then buffers in the
 * kernel, whose drops it reports. Resolves when the capture ends (duration,
 * count, `stop()`); rejects with a one-line InputError when it cannot run.
 */
export class LiveCapture {
  private readonly tcpdump: TcpdumpProcess;

  constructor(private readonly opts: LiveCaptureOptions) {
    this.tcpdump = new TcpdumpProcess(opts);
  }

  /** Ends the capture (as Ctrl-C would); run() then resolves with the totals. */
  stop(): void {
    this.tcpdump.stop();
  }

  /** Runs the capture to its end. */
  async run(): Promise<LiveCaptureReport> {
    const opts = this.opts;
    const owned = !opts.store && opts.dbPath ? await openStore(opts.dbPath) : undefined;
    try {
      return await this.capture(opts.store ?? owned);
    } finally {
      this.tcpdump.stop();
      await owned?.close();
      opts.events.end();
    }
  }

  private async capture(store: Store | undefined): Promise<LiveCaptureReport> {
    const opts = this.opts;
    const source = `live:${opts.iface}`;
    const priorIngests = store ? await countIngests(store) : 0;
    const analysis = await LiveAnalysis.create({ events: opts.events, store, uidSeed: `${priorIngests}:${source}`, source, detector: opts.detector, correlate: opts.correlate });
    const match = compileFilter('', opts.protocols ?? []);
    const decoder = new PacketDecoder();
    const pkt = newDecodedPacket();
    const csv = opts.csvPath ? new CsvMetadataWriter(opts.csvPath) : null;
    let pcap: RotatingCaptureWriter | null = null;
    let read = 0, kept = 0, lastTs = 0, waits = 0, problems = 0;
    let lagging = false;
    const limit = opts.count ?? Infinity;
    const sink: CaptureSink = {
      interface: (iface) => { if (opts.writePath) pcap ??= new RotatingCaptureWriter(opts.writePath, iface.linkType, opts.rotate ?? null); },
      problem: (p) => { problems++; analysis.problem(lastTs, p); },
      packet: (raw: RawPacket) => {
        read++;
        if (kept >= limit) return;
        decoder.decode(raw, pkt);
        if (!match(pkt)) return;
        if (++kept === limit) this.tcpdump.stop();
        lastTs = raw.tsSec + raw.tsNsec / 1e9;
        if (pcap && !pcap.write(raw)) lagging = true;
        if (csv && !csv.add(raw, pkt)) lagging = true;
        analysis.packet(lastTs, raw, pkt);
      },
    };
    async function* paced(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of chunks) {
        yield chunk;
        if (!lagging) continue;
        waits++;
        lagging = false;
        await Promise.all([pcap?.drain(), csv?.drain()]);
      }
    }
    const ticker = setInterval(() => { analysis.tick(Date.now() / 1000).catch(() => undefined); }, TICK_MS);
    let deadline: NodeJS.Timeout | undefined;
    this.tcpdump.listening.then(() => {
      opts.onListening?.();
      if (opts.durationSeconds !== undefined) deadline = setTimeout(() => this.tcpdump.stop(), opts.durationSeconds * 1000);
    }, () => undefined);
    const started = new Date().toISOString();
    try {
      const reading = readCaptureStream(Readable.from(paced(this.tcpdump.stdout)), source, sink);
      const [result, exit] = await Promise.allSettled([reading, this.tcpdump.exited]);
      if (exit.status === 'rejected') throw exit.reason;
      if (result.status === 'rejected') throw result.reason;
      const summary = result.value;
      const files = pcap ? await closeWriter(pcap) : [];
      await csv?.close();
      const report = await analysis.finish(lastTs);
      if (store) {
        await recordIngest(store, {
          name: source, path: source, sha256: summary.sha256, fileBytes: summary.fileBytes, compressed: false, format: summary.format,
          packets: kept, firstTs: summary.firstTs, lastTs: summary.lastTs, linkTypes: summary.linkTypes, anomalies: report.anomalies,
          problems: summary.problems, truncated: summary.truncated, tracerVersion: version, started, finished: new Date().toISOString(),
          parameters: { iface: opts.iface, filter: opts.filter ?? '', protocols: opts.protocols ?? [], snaplen: opts.snaplen ?? null },
        });
      }
      return {
        tcpdump: exit.value, read, kept, backpressureWaits: waits, streamProblems: problems, files,
        sha256: summary.sha256, streamBytes: summary.fileBytes, analysis: report,
      };
    } finally {
      clearInterval(ticker);
      clearTimeout(deadline);
    }
  }
}

/** Captures and files already in the store: seeds the uids so a new capture's never collide with earlier ones. */
async function countIngests(store: Store): Promise<number> {
  await store.ensure(ingestsSchema);
  const [{ n }] = await store.all('SELECT count(*) AS n FROM ingests');
  return Number(n);
}

/** Closes the pcap series and lists its files. */
async function closeWriter(pcap: RotatingCaptureWriter): Promise<string[]> {
  await pcap.close();
  return pcap.files;
}
