import { parseAddress } from '../decode/address.js';
import { LocalNets } from '../flow/local-nets.js';
import { ReassemblyBudget, StreamReassembler } from '../flow/reassembly.js';
import type { AnalyzerFactory, AppAnalyzer } from './analyzer.js';
import { recordingContext, type RecordingContext } from './recording-context.js';
import { hexBytes } from './testing/tshark-rows.js';
import { tsharkFields } from './tshark-fields.js';

interface Replayed {
  /** Content detection accepted the first payload of some direction (else the stream is left out, as the dispatcher would). */
  accepted: boolean;
  /** Directions whose first payload was offered to detection: bit 1 originator, bit 2 responder. */
  tried: number;
  ctx: RecordingContext;
  analyzer: AppAnalyzer;
  origKey: string;
  orig: StreamReassembler;
  resp: StreamReassembler;
}

/** Without desegmentation tshark shows every segment's own payload (else the last segment of a PDU has none). */
const localNets = new LocalNets();
/** An address text in the default local networks (as the flow table decides local_orig). */
function isLocal(text: string): boolean {
  const words = parseAddress(text);
  return words !== null && localNets.contains(words);
}

const SEGMENT_ARGS = ['-o', 'tcp.desegment_tcp_streams:FALSE'];

const SEGMENT_FIELDS = ['tcp.stream', 'frame.time_epoch', 'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport', 'tcp.seq_raw', 'tcp.flags', 'tcp.payload'];

/**
 * Test support until the ingest pipeline carries analyzers: reads every TCP
 * segment of `pcap` with tshark, reassembles each connection with Tracer's
 * {@link StreamReassembler} and feeds one analyzer per connection. Returns
 * one recording context per TCP stream whose first payload in some direction
 * the factory's `detect()` accepts, uid `S<tshark stream number>`.
 */
export function replayTcp(pcap: string, factory: AnalyzerFactory, displayFilter = 'tcp'): RecordingContext[] {
  const budget = new ReassemblyBudget();
  const conns = new Map<string, Replayed>();
  for (const row of tsharkFields(pcap, SEGMENT_FIELDS, displayFilter, SEGMENT_ARGS)) {
    const [stream, time, src4, src6, srcPort, dst4, dst6, dstPort, seq, flags, payloadHex] = row;
    const ts = Number(time);
    const srcKey = `${src4 || src6}:${srcPort}`;
    let conn = conns.get(stream);
    if (conn === undefined) {
      const ctx = recordingContext(`S${stream}`);
      Object.assign(ctx, { origH: src4 || src6, origP: Number(srcPort), respH: dst4 || dst6, respP: Number(dstPort), localOrig: isLocal(src4 || src6), localResp: isLocal(dst4 || dst6) });
      const analyzer = factory.create(ctx);
      const sinkFor = (isOrig: boolean) => ({
        data: (d: Uint8Array, t: number) => analyzer.deliver(isOrig, d, t),
        gap: (n: number, t: number) => analyzer.gap(isOrig, n, t),
        weird: (name: string) => ctx.weird(name),
      });
      conn = { accepted: false, tried: 0, ctx, analyzer, origKey: srcKey, orig: new StreamReassembler(sinkFor(true), budget), resp: new StreamReassembler(sinkFor(false), budget) };
      conns.set(stream, conn);
    }
    const payload = hexBytes(payloadHex ?? '');
    const isOrig = srcKey === conn.origKey;
    const bit = isOrig ? 1 : 2;
    if (payload.length > 0 && (conn.tried & bit) === 0) {
      conn.tried |= bit;
      if (factory.detect(isOrig, payload) !== 'no') conn.accepted = true;
    }
    (isOrig ? conn.orig : conn.resp).segment(Number(seq) >>> 0, Number(flags), payload, ts);
  }
  const kept = [...conns.values()].filter((c) => c.accepted);
  for (const conn of kept) {
    conn.orig.flush(0);
    conn.resp.flush(0);
    conn.analyzer.end(0);
  }
  return kept.map((c) => c.ctx);
}
