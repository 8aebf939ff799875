import { statSync } from 'node:fs';
import { ReassemblyBudget, StreamReassembler } from '../src/flow/reassembly.js';
import { trackCapture } from '../src/flow/testing/track-capture.js';
import type { AnalyzerContext } from '../src/proto/analyzer.js';
import { createAppLayer } from '../src/proto/dispatch.js';
import { HttpAnalyzer } from '../src/proto/http/analyzer.js';

/**
 * `npx tsx bench/proto-b.bench.ts [capture]`: throughput (MB/s of TCP
 * payload) of reassembly alone, reassembly + HTTP parsing (small bodies,
 * then large hashed bodies), in order and with every other segment swapped;
 * with a capture, also the whole path (reader, decoder, flow table) without
 * and with every analyzer. Prints one JSON line.
 */
const STREAM_BYTES = 64e6;
const MSS = 1448;

/** A pipelined HTTP/1.1 conversation: `transactions` requests, then their responses with `bodyBytes` each. */
function httpStreams(bodyBytes: number): { orig: Uint8Array; resp: Uint8Array } {
  const request = 'GET /some/path/to/a/resource.png?id=12345 HTTP/1.1\r\nHost: www.example.org\r\nUser-Agent: Mozilla/5.0 (bench)\r\nAccept: */*\r\nReferer: http://www.example.org/\r\n\r\n';
  const response = `HTTP/1.1 200 OK\r\nServer: bench\r\nContent-Type: image/png\r\nContent-Length: ${bodyBytes}\r\n\r\n`;
  const transactions = Math.ceil(STREAM_BYTES / (response.length + bodyBytes));
  const body = Buffer.alloc(bodyBytes, 0x61);
  const resp = Buffer.concat(Array.from({ length: transactions }, () => [Buffer.from(response), body]).flat());
  return { orig: Buffer.from(request.repeat(transactions)), resp };
}

const silent: AnalyzerContext = { uid: 'C', origH: '10.0.0.1', origP: 1, respH: '10.0.0.2', respP: 80, proto: 'tcp', localOrig: true, localResp: true, emit() {}, weird() {}, setService() {} };

/** Segments of one direction sent before the other direction takes its turn (a request/response rhythm). */
const TURN_SEGMENTS = 16;

/**
 * Feeds the streams to their reassemblers in MSS segments, taking turns
 * (every other pair swapped when `reorder`); returns seconds.
 */
function feed(pairs: Array<[StreamReassembler, Uint8Array]>, reorder: boolean): number {
  for (const [reassembler] of pairs) reassembler.begin(1);
  const start = performance.now();
  const longest = Math.max(...pairs.map(([, s]) => s.length));
  for (let turn = 0; turn < longest; turn += TURN_SEGMENTS * MSS) {
    for (const [reassembler, stream] of pairs) {
      const end = Math.min(stream.length, turn + TURN_SEGMENTS * MSS);
      for (let at = turn; at < end; at += 2 * MSS) {
        const first = stream.subarray(at, Math.min(end, at + MSS)), second = stream.subarray(at + MSS, Math.min(end, at + 2 * MSS));
        if (reorder && second.length > 0) reassembler.segment(1 + at + MSS, 0, second, 0);
        reassembler.segment(1 + at, 0, first, 0);
        if (!reorder && second.length > 0) reassembler.segment(1 + at + MSS, 0, second, 0);
      }
    }
  }
  return (performance.now() - start) / 1000;
}

function reassemblyOnly(reorder: boolean): number {
  const { resp } = httpStreams(8000);
  const r = new StreamReassembler({ data: (d) => d.length, gap() {}, weird() {} }, new ReassemblyBudget());
  return resp.length / 1e6 / feed([[r, resp]], reorder);
}

function httpThroughput(bodyBytes: number, reorder: boolean): number {
  const { orig, resp } = httpStreams(bodyBytes);
  const http = new HttpAnalyzer(silent);
  const budget = new ReassemblyBudget();
  const o = new StreamReassembler({ data: (d, ts) => http.deliver(true, d, ts), gap() {}, weird() {} }, budget);
  const r = new StreamReassembler({ data: (d, ts) => http.deliver(false, d, ts), gap() {}, weird() {} }, budget);
  const seconds = feed([[o, orig], [r, resp]], reorder);
  http.end(0);
  return (orig.length + resp.length) / 1e6 / seconds;
}

async function captureThroughput(path: string): Promise<{ l4: number; all: number }> {
  const mb = statSync(path).size / 1e6;
  let t = performance.now();
  await trackCapture(path);
  const l4 = mb / ((performance.now() - t) / 1000);
  t = performance.now();
  await trackCapture(path, { analyzers: createAppLayer({ emit() {} }) });
  return { l4, all: mb / ((performance.now() - t) / 1000) };
}

const result: Record<string, unknown> = {
  reassemblyInOrderMBs: reassemblyOnly(false),
  reassemblyReorderedMBs: reassemblyOnly(true),
  httpSmallBodiesMBs: httpThroughput(200, false),
  httpSmallBodiesReorderedMBs: httpThroughput(200, true),
  httpHashedBodiesMBs: httpThroughput(64_000, false),
};
if (process.argv[2] !== undefined) result.capture = { path: process.argv[2], ...(await captureThroughput(process.argv[2])) };
console.log(JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
