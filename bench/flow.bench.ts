import { newRawPacket } from '../src/capture/packet.js';
import { newDecodedPacket, TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN } from '../src/decode/packet.js';
import { FlowTable } from '../src/flow/index.js';

/**
 * `npx tsx bench/flow.bench.ts [packets] [concurrent]`: ns per packet of
 * FlowTable.add on synthetic TCP traffic (default 1 M packets over 50 k
 * concurrent connections, 20 packets each: handshake, data both ways, FINs),
 * and the peak heap and RSS while doing it.
 */
const PACKETS = Number(process.argv[2] ?? 1_000_000);
const CONCURRENT = Number(process.argv[3] ?? 50_000);
/** Packets per connection: SYN, SYN-ACK, ACK, 14 data segments, FIN, FIN, last ACK. */
const STEPS = 20;
const SEGMENT = 1000;

const pkt = newDecodedPacket();
const raw = newRawPacket();
pkt.ipVersion = 4;
pkt.ipOffset = 14;
pkt.ipProto = 6;
pkt.srcMac = 0x020000000001;
pkt.dstMac = 0x020000000002;
pkt.window = 65535;
pkt.payloadOffset = 54;
const server = 0x5db8d822;

/** Fills the reused packet with step `step` of connection `conn` (what a decoder would do). */
function fill(conn: number, step: number): void {
  const client = (0x0a000000 | conn) >>> 0;
  const fromClient = step === 0 || step === 2 || (step > 2 && step < 17 && step % 2 === 1) || step === 17 || step === 19;
  const isn = conn * 7919, rsn = conn * 104729;
  const clientData = Math.max(0, Math.min(7, (step - 2) >> 1)) * SEGMENT;
  const serverData = Math.max(0, Math.min(7, (step - 3) >> 1)) * SEGMENT;
  const a = fromClient ? pkt.src : pkt.dst, b = fromClient ? pkt.dst : pkt.src;
  a[2] = 0xffff; a[3] = client; b[2] = 0xffff; b[3] = server;
  pkt.srcPort = fromClient ? 1024 + (conn % 60000) : 443;
  pkt.dstPort = fromClient ? 443 : 1024 + (conn % 60000);
  let flags = TCP_ACK, len = 0;
  if (step === 0) flags = TCP_SYN;
  else if (step === 1) flags = TCP_SYN | TCP_ACK;
  else if (step >= 3 && step < 17) { flags = TCP_ACK | TCP_PSH; len = SEGMENT; }
  else if (step === 17 || step === 18) flags = TCP_FIN | TCP_ACK;
  pkt.tcpFlags = flags;
  pkt.seq = fromClient ? (isn + 1 + clientData) >>> 0 : (rsn + 1 + serverData) >>> 0;
  if (step === 0) pkt.seq = isn >>> 0;
  if (step === 1) pkt.seq = rsn >>> 0;
  pkt.ack = fromClient ? (rsn + 1 + serverData) >>> 0 : (isn + 1 + clientData) >>> 0;
  pkt.payloadLength = len;
  pkt.payloadWireLength = len;
  pkt.ipTotalLength = 40 + len;
}

let emitted = 0;
/** Runs packets number `from` to `to` (exclusive) through `table` from time `ts`; returns the time reached. */
function feed(table: FlowTable, from: number, to: number, ts: number): number {
  for (let i = from; i < to; i++) {
    const conn = i % CONCURRENT;
    const round = Math.floor(i / CONCURRENT);
    fill(conn + Math.floor(round / STEPS) * CONCURRENT, round % STEPS);
    ts += 0.00001;
    table.add(ts, raw, pkt);
  }
  return ts;
}
// Warm up the JIT on a separate table, as a long capture would.
feed(new FlowTable({ onConn: () => undefined, maxConnections: CONCURRENT * 2 }), 0, PACKETS / 5, 1_600_000_000);
/** Packets between two memory samples. */
const SAMPLE_EVERY = 0x40000;

const table = new FlowTable({ onConn: () => { emitted++; }, maxConnections: Math.max(CONCURRENT * 2, 1000) });
let peakHeap = 0, peakRss = 0;
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
let ts = 1_700_000_000;
for (let i = 0; i < PACKETS; i += SAMPLE_EVERY) {
  ts = feed(table, i, Math.min(PACKETS, i + SAMPLE_EVERY), ts);
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
table.flush(ts);
const m = process.memoryUsage();
peakHeap = Math.max(peakHeap, m.heapUsed);
peakRss = Math.max(peakRss, m.rss);
const stats = table.stats();
console.log(`flow: ${PACKETS.toLocaleString('en-US')} packets, ${CONCURRENT.toLocaleString('en-US')} concurrent, ${stats.created.toLocaleString('en-US')} connections (${emitted.toLocaleString('en-US')} records)`);
console.log(`flow: ${(seconds * 1e9 / PACKETS).toFixed(0)} ns/packet wall, ${(cpuSeconds * 1e9 / PACKETS).toFixed(0)} ns/packet CPU (all threads; the honest figure on a busy machine), ${(PACKETS / seconds / 1e6).toFixed(2)} M packets/s wall, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MB, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, max active ${stats.maxActive.toLocaleString('en-US')}`);
