import type { Conn } from '../flow/conn.js';
import type { LocalNets } from '../flow/local-nets.js';
import { StreamReassembler, type ReassemblyBudget, type StreamSink } from '../flow/reassembly.js';
import type { LogRecord } from '../store/schema/types.js';
import type { AnalyzerContext, AnalyzerFactory, AppAnalyzer } from './analyzer.js';
import { detectProtocol, portHint } from './detection.js';

/** What every connection's application state shares: where records and anomalies go, and the analyzers. */
export interface AppShared {
  tcpFactories: readonly AnalyzerFactory[];
  udpFactories: readonly AnalyzerFactory[];
  budget: ReassemblyBudget;
  /** Local networks, for each connection's localOrig/localResp. */
  localNets: LocalNets;
  emit(stream: string, record: LogRecord): void;
  weird(ts: number, uid: string, name: string, addl: string): void;
}

const enum Phase { Detecting, Attached, Done }

/** UDP datagrams offered to detection before a connection is left unanalyzed. */
const MAX_UDP_DETECT_DATAGRAMS = 4;

/**
 * The application layer of one connection (kept in `conn.appState`): content
 * detection, then one analyzer fed with reassembled bytes (TCP) or datagrams
 * (UDP). It is the analyzer's AnalyzerContext. An analyzer that throws is
 * detached with a weird, never taking the ingest down.
 */
export class AppConnection implements AnalyzerContext {
  readonly uid: string;
  readonly proto: string;
  readonly origP: number;
  readonly respP: number;
  readonly localOrig: boolean;
  readonly localResp: boolean;
  /** Time of the packet being processed (for weirds). */
  ts = 0;
  private phase = Phase.Detecting;
  private analyzer: AppAnalyzer | null = null;
  private analyzerName = '';
  private udpTries = 0;
  /**
   * Responder port offered to the port-hint fallback; -1 (no hint) for a TCP
   * connection picked up mid-stream, which, as in Zeek, is analyzed only when
   * its content is recognised.
   */
  private readonly hintPort: number;
  private readonly streams: [StreamReassembler, StreamReassembler] | null;

  constructor(private readonly conn: Conn, readonly origH: string, readonly respH: string, private readonly shared: AppShared) {
    this.uid = conn.uid;
    this.proto = conn.proto === 6 ? 'tcp' : 'udp';
    this.origP = conn.origPort;
    this.respP = conn.respPort;
    this.localOrig = shared.localNets.contains(conn.origAddr);
    this.localResp = shared.localNets.contains(conn.respAddr);
    this.hintPort = conn.proto !== 6 || /[Ss]/.test(conn.history.text) ? conn.respPort : -1;
    this.streams = conn.proto === 6 ? [new StreamReassembler(this.sink(true), shared.budget), new StreamReassembler(this.sink(false), shared.budget)] : null;
  }

  emit(stream: string, record: LogRecord): void {
    this.shared.emit(stream, record);
  }

  weird(name: string, addl = ''): void {
    this.shared.weird(this.ts, this.uid, name, addl);
  }

  setService(name: string): void {
    this.conn.addService(name);
  }

  /** True once nothing more will be analyzed (no protocol, or analyzer detached). */
  get done(): boolean {
    return this.phase === Phase.Done;
  }

  /** The reassembler of one direction (TCP), to offer segments to. */
  stream(isOrig: boolean): StreamReassembler {
    return this.streams![isOrig ? 0 : 1];
  }

  /** One UDP datagram. */
  datagram(isOrig: boolean, payload: Uint8Array, ts: number): void {
    if (this.phase === Phase.Detecting) {
      const found = detectProtocol(this.shared.udpFactories, isOrig, payload, this.hintPort);
      if (found.kind === 'attach') this.attach(found.factory);
      else if (++this.udpTries >= MAX_UDP_DETECT_DATAGRAMS) this.phase = Phase.Done;
    }
    if (this.phase !== Phase.Attached) return;
    try {
      this.analyzer!.datagram(isOrig, payload, ts);
    } catch (err) {
      this.fail(err);
    }
  }

  /** The connection ended: pending bytes are flushed and the analyzer told. */
  end(ts: number): void {
    if (this.streams !== null && this.phase === Phase.Detecting) {
      const hint = portHint(this.shared.tcpFactories, this.hintPort);
      if (hint?.kind === 'attach') {
        this.attach(hint.factory);
        for (const s of this.streams) s.redeliver(ts);
      }
    }
    if (this.streams !== null) for (const s of this.streams) s.flush(ts);
    try {
      if (this.phase === Phase.Attached) this.analyzer!.end(ts);
    } catch (err) {
      this.fail(err);
    }
    this.phase = Phase.Done;
  }

  private sink(isOrig: boolean): StreamSink {
    return {
      data: (data, ts) => this.data(isOrig, data, ts),
      gap: (length, ts) => this.gap(isOrig, length, ts),
      weird: (name) => this.weird(name),
    };
  }

  private data(isOrig: boolean, data: Uint8Array, ts: number): number {
    if (this.phase === Phase.Detecting) {
      const found = detectProtocol(this.shared.tcpFactories, isOrig, data, this.hintPort);
      if (found.kind === 'wait') return 0;
      if (found.kind === 'none') this.phase = Phase.Done;
      else {
        this.attach(found.factory);
        this.stream(!isOrig).redeliver(ts);
      }
    }
    if (this.phase !== Phase.Attached) return data.length;
    try {
      return this.analyzer!.deliver(isOrig, data, ts);
    } catch (err) {
      this.fail(err);
      return data.length;
    }
  }

  private gap(isOrig: boolean, length: number, ts: number): void {
    if (this.phase === Phase.Detecting) this.phase = Phase.Done;
    if (this.phase !== Phase.Attached) return;
    try {
      this.analyzer!.gap(isOrig, length, ts);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Attaches the analyzer of `factory` now, without detection (e.g. an announced FTP data channel). */
  attach(factory: AnalyzerFactory): void {
    this.analyzerName = factory.name;
    this.phase = Phase.Attached;
    try {
      this.analyzer = factory.create(this);
    } catch (err) {
      this.fail(err);
    }
  }

  /** An analyzer threw (a bug, never expected on any input): detach it and say so. */
  private fail(err: unknown): void {
    this.phase = Phase.Done;
    this.weird(`${this.analyzerName}_analyzer_error`, err instanceof Error ? err.message.slice(0, 200) : '');
  }
}
