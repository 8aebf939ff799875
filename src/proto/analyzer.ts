import type { LogRecord } from '../store/schema/types.js';

/**
 * What an application-layer analyzer may do with its connection: write log
 * records, report anomalies and name the service. Provided by the flow layer.
 */
export interface AnalyzerContext {
  /** Connection uid (Zeek's `uid`). */
  readonly uid: string;
  readonly origH: string;
  readonly origP: number;
  readonly respH: string;
  readonly respP: number;
  /** `tcp` or `udp`. */
  readonly proto: string;
  /** The originator is in a local network (Zeek's Site::local_nets, as conn.log local_orig). */
  readonly localOrig: boolean;
  /** The responder is in a local network (conn.log local_resp). */
  readonly localResp: boolean;
  /** Writes one record to a log stream (`dns`, `http`, `ssl`, …). */
  emit(stream: string, record: LogRecord): void;
  /** Counts a named anomaly (stable snake_case code) for this connection. */
  weird(name: string, addl?: string): void;
  /** Adds a service name to the connection's `service` field (`dns`, `http`, `ssl`…). */
  setService(name: string): void;
}

/**
 * A protocol analyzer attached to one connection. Parsers are streaming: the
 * flow layer owns the buffering and offers in-order bytes; the analyzer says
 * how many it consumed and the rest is offered again with more data.
 */
export interface AppAnalyzer {
  /**
   * In-order bytes of one direction (TCP, after reassembly). Returns the number
   * of bytes consumed (0..data.length). Unconsumed bytes are kept by the flow
   * layer, up to its per-connection budget, and offered again with more.
   */
  deliver(isOrig: boolean, data: Uint8Array, ts: number): number;
  /** Bytes of one direction were lost (a content gap): skip and resynchronise. */
  gap(isOrig: boolean, length: number, ts: number): void;
  /** One UDP datagram's payload. */
  datagram(isOrig: boolean, data: Uint8Array, ts: number): void;
  /** The connection ended (or the capture did): flush pending transactions. */
  end(ts: number): void;
}

/** Describes one protocol: how to recognise it and how to analyze it. */
export interface AnalyzerFactory {
  /** Service name written to conn.service (`dns`, `http`, `ssl`, `ssh`, `ftp`). */
  name: string;
  transport: 'tcp' | 'udp';
  /** Well-known ports, used only when content detection cannot decide. */
  ports: readonly number[];
  /**
   * Content detection on the first payload bytes of a direction. Returns
   * 'yes', 'no', or 'more' when it needs more bytes to decide.
   */
  detect(isOrig: boolean, firstBytes: Uint8Array): 'yes' | 'no' | 'more';
  /** A new analyzer for one connection. */
  create(ctx: AnalyzerContext): AppAnalyzer;
}
