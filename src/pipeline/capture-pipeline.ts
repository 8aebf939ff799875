import { ProblemCode, readCapture, type CaptureReadResult } from '../capture/index.js';
import type { CaptureProblem, RawPacket } from '../capture/packet.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket } from '../decode/packet.js';
import { FlowTable, type FlowTableOptions } from '../flow/index.js';
import { createAppLayer } from '../proto/dispatch.js';
import type { LogRecord } from '../store/schema/types.js';
import { WeirdCounter } from '../util/weird.js';
import { ArpLog } from './arp-log.js';
import { WeirdLog } from './weird-log.js';

/** Where the pipeline's records go: one appender per log stream. */
export interface RecordSink {
  get(stream: string): { append(rec: LogRecord): void };
}

/** Settings of one capture pipeline (a subset of IngestOptions). */
export interface CapturePipelineOptions {
  flow?: Partial<Omit<FlowTableOptions, 'onConn' | 'weird' | 'analyzers'>>;
  appLayer?: boolean;
  onProgress?: (input: string, bytesRead: number, totalBytes: number | null, packets: number) => void;
  onProblem?: (input: string, problem: CaptureProblem) => void;
}

/**
 * Decoder, flow table, application analyzers, ARP and weird logs for one continuous capture
 * (one or more files read in turn), writing every record to `sink`. Ingest runs one per
 * call (files given together are one capture) or, with workers, one per input file.
 */
export class CapturePipeline {
  readonly weird = new WeirdCounter();
  private readonly weirdLog: WeirdLog;
  private readonly arpLog: ArpLog;
  private readonly appLayer: ReturnType<typeof createAppLayer> | undefined;
  private readonly flow: FlowTable;
  private readonly decoder: PacketDecoder;
  private readonly pkt = newDecodedPacket();
  private lastTs = 0;

  constructor(sink: RecordSink, uidSeed: string, private readonly opts: CapturePipelineOptions = {}) {
    const weird = this.weird;
    this.weirdLog = new WeirdLog(sink.get('weird'));
    this.arpLog = new ArpLog(sink.get('arp'));
    const connWriter = sink.get('conn');
    this.appLayer = opts.appLayer === false ? undefined
      : createAppLayer({ emit: (stream, rec) => sink.get(stream).append(rec), weird, localNets: opts.flow?.localNets });
    this.flow = new FlowTable({ ...opts.flow, uidSeed, weird, onConn: (rec) => connWriter.append(rec), analyzers: this.appLayer });
    this.decoder = new PacketDecoder({ weird });
  }

  /** Reads one capture file into the pipeline; throws readCapture's InputError for a non-capture. */
  async read(path: string): Promise<{ summary: CaptureReadResult; anomalies: Record<string, number> }> {
    const before = this.weird.toJSON();
    let packets = 0;
    const { decoder, pkt, arpLog, weirdLog, flow, opts } = this;
    const sink = {
      packet: (raw: RawPacket): void => {
        decoder.decode(raw, pkt);
        const ts = raw.tsSec + raw.tsNsec / 1e9;
        arpLog.add(ts, pkt);
        if (pkt.anomaly !== '') weirdLog.add(ts, pkt.anomaly, path, raw);
        flow.add(ts, raw, pkt);
        this.lastTs = ts;
        if ((++packets & 0xffff) === 0) opts.onProgress?.(path, raw.fileOffset, null, packets);
      },
      problem: (p: CaptureProblem): void => {
        // Not a capture at all: the input is read as a log instead, or reported as unreadable.
        if (p.code === ProblemCode.unknownFormat) return;
        weirdLog.addProblem(this.lastTs, p, path);
        opts.onProblem?.(path, p);
      },
    };
    const summary = await readCapture(path, sink, { onProgress: (done, total) => opts.onProgress?.(path, done, total, packets) });
    return { summary, anomalies: diffCounts(this.weird.toJSON(), before) };
  }

  /** Ends the capture: every connection still open is written. */
  finish(): void {
    this.flow.flush(this.lastTs);
  }

  /** Flow-table totals. */
  flowStats(): ReturnType<FlowTable['stats']> {
    return this.flow.stats();
  }

  /** TCP reassembly totals (undefined without the application layer). */
  reassembly(): { gaps: number; gapBytes: number; droppedSegments: number } | undefined {
    const b = this.appLayer?.budget;
    return b && { gaps: b.gaps, gapBytes: b.gapBytes, droppedSegments: b.droppedSegments };
  }
}

function diffCounts(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) out[k] = v - (before[k] ?? 0);
  return out;
}
