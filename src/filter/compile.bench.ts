/**
 * Cost of a compiled filter per packet, on the decoded packets of a corpus
 * capture. Run: `npx tsx src/filter/compile.bench.ts [capture] [expression]`.
 */
import { readCapture } from '../capture/index.js';
import { PacketDecoder } from '../decode/index.js';
import { newDecodedPacket, type DecodedPacket } from '../decode/packet.js';
import { corpus } from '../../test/helpers/corpus.js';
import { compileFilter } from './index.js';

/** Passes over the decoded packets, so that the timing is not dominated by start-up. */
const PASSES = 200;

const file = process.argv[2] ?? corpus('pcaps/scan/zeek_nmap-vsn.pcap');
const expr = process.argv[3] ?? '(tcp and dst port 443 and not src net 10.0.0.0/8) or (udp and portrange 50-60) or host 192.168.1.1';
const decoder = new PacketDecoder();
const packets: DecodedPacket[] = [];
await readCapture(file, {
  packet(raw) {
    const out = newDecodedPacket();
    decoder.decode({ ...raw, data: raw.data.slice() }, out);
    packets.push(out);
  },
});
const match = compileFilter(expr);
let hits = 0;
const t0 = performance.now();
for (let pass = 0; pass < PASSES; pass++) for (const p of packets) if (match(p)) hits++;
const ns = ((performance.now() - t0) * 1e6) / (PASSES * packets.length);
console.log(`${packets.length} packets × ${PASSES}: ${ns.toFixed(1)} ns per packet, ${hits / PASSES} matches — ${expr}`);
