import type { DecodedPacket } from '../decode/packet.js';
import { formatAddress } from '../decode/address.js';
import type { AppHooks } from '../flow/app-hooks.js';
import type { Conn } from '../flow/conn.js';
import { LocalNets } from '../flow/local-nets.js';
import { ReassemblyBudget } from '../flow/reassembly.js';
import { TcpState } from '../flow/tcp-endpoint.js';
import type { LogRecord } from '../store/schema/types.js';
import type { WeirdCounter } from '../util/weird.js';
import type { AnalyzerFactory } from './analyzer.js';
import { AppConnection, type AppShared } from './app-connection.js';
import { defaultFactories } from './factories.js';
import { ftpDataFactory } from './ftp/data-analyzer.js';
import { DataChannelExpectations } from './ftp/expectations.js';

/** Rows written to the `weird` stream per anomaly code (the counter stays exact). */
const MAX_WEIRD_ROWS_PER_CODE = 1000;

/** What the ingest pipeline gives the application layer. */
export interface AppLayerOptions {
  /** Receives every record of every stream (`http`, `files`, `ssh`, `ftp`, `dns`, `ssl`, `weird`…). */
  emit(stream: string, record: LogRecord): void;
  /** Counts anomalies by code. */
  weird?: WeirdCounter;
  /** Analyzers to run; default: every one Tracer ships. */
  factories?: AnalyzerFactory[];
  /** Reassembly memory shared by all connections; default 256 MiB. */
  budget?: ReassemblyBudget;
  /** CIDRs of the local networks (ssh.log direction, files.log local_orig); default: the flow table's defaults. */
  localNets?: readonly string[];
}

/** The flow table's hooks, plus the reassembly counters. */
export interface AppLayer extends AppHooks {
  readonly budget: ReassemblyBudget;
}

/**
 * Creates the application layer the flow table calls for every packet with
 * payload: content detection, TCP reassembly, analyzers, `service` names and
 * `ftp-data` marking of announced FTP data connections.
 * @example new FlowTable({ onConn, analyzers: createAppLayer({ emit: (s, r) => writers.get(s).append(r), weird }) })
 */
export function createAppLayer(opts: AppLayerOptions): AppLayer {
  const expectations = new DataChannelExpectations();
  const factories = opts.factories ?? defaultFactories(expectations);
  const budget = opts.budget ?? new ReassemblyBudget();
  const weirdRows = new Map<string, number>();
  const shared: AppShared = {
    tcpFactories: factories.filter((f) => f.transport === 'tcp'),
    udpFactories: factories.filter((f) => f.transport === 'udp'),
    budget,
    localNets: new LocalNets(opts.localNets),
    emit: opts.emit,
    weird(ts, uid, name, addl) {
      opts.weird?.add(name);
      const rows = weirdRows.get(name) ?? 0;
      if (rows >= MAX_WEIRD_ROWS_PER_CODE) return;
      weirdRows.set(name, rows + 1);
      opts.emit('weird', { ts, uid, name, addl, source: '' });
    },
  };

  function open(conn: Conn, ts: number): AppConnection {
    const app = new AppConnection(conn, formatAddress(conn.origAddr, conn.ipVersion), formatAddress(conn.respAddr, conn.ipVersion), shared);
    conn.appState = app;
    if (conn.proto === 6 && expectations.take(app.origH, app.respH, app.respP, ts)) {
      conn.addService('ftp-data');
      app.attach(ftpDataFactory);
    }
    if (conn.proto === 6) for (const isOrig of [true, false]) {
      const ep = isOrig ? conn.orig! : conn.resp!;
      if (ep.state !== TcpState.Inactive) app.stream(isOrig).begin(ep.startSeq + 1);
    }
    return app;
  }

  return {
    budget,
    onPacket(conn: Conn, isOrig: boolean, pkt: DecodedPacket, ts: number): void {
      const app = (conn.appState as AppConnection | undefined) ?? open(conn, ts);
      if (app.done) return;
      app.ts = ts;
      const payload = pkt.data.subarray(pkt.payloadOffset, pkt.payloadOffset + pkt.payloadLength);
      if (conn.proto === 17) app.datagram(isOrig, payload, ts);
      else app.stream(isOrig).segment(pkt.seq, pkt.tcpFlags, payload, ts, pkt.payloadWireLength - pkt.payloadLength);
    },
    onEnd(conn: Conn, ts: number): void {
      const app = conn.appState as AppConnection | undefined;
      if (app === undefined) return;
      app.ts = ts;
      app.end(ts);
      conn.appState = undefined;
    },
  };
}
