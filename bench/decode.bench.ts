import { newRawPacket } from '../src/capture/packet.js';
import { PacketDecoder } from '../src/decode/index.js';
import { newDecodedPacket } from '../src/decode/packet.js';
import { writeFrame } from '../src/synth/frame-builder.js';
import { mixedTraffic } from '../src/synth/mixed-traffic.js';
import { WeirdCounter } from '../src/util/weird.js';

/**
 * `npx tsx bench/decode.bench.ts [packets] [rounds]`: decode throughput over
 * the realistic synthetic mix (DNS, HTTP, TLS, SSH, ICMP, failed connections,
 * IPv4/IPv6, some VLAN-tagged), frames held in memory so that only decoding is
 * timed. Prints packets/s, ns/packet and MB/s of the best round.
 */
const PACKETS = Number(process.argv[2] ?? 200_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const MAX_FRAME = 1600;

const buffer = new Uint8Array(PACKETS * MAX_FRAME);
const starts = new Uint32Array(PACKETS + 1);
let used = 0, count = 0;
for (const { frame } of mixedTraffic(1, 0)) {
  if (count === PACKETS) break;
  used += writeFrame(buffer, used, frame);
  starts[++count] = used;
}

const frames = Array.from({ length: count }, (_, i) => buffer.subarray(starts[i], starts[i + 1]));
const decoder = new PacketDecoder({ weird: new WeirdCounter() });
const raw = newRawPacket();
const out = newDecodedPacket();
let checksum = 0;

function round(): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    raw.data = frames[i];
    raw.caplen = raw.origLen = raw.data.length;
    decoder.decode(raw, out);
    checksum += out.dstPort;
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

let best = Infinity;
for (let r = 0; r < ROUNDS; r++) best = Math.min(best, round());
console.log(`decode: ${count.toLocaleString('en-US')} packets, ${(used / 1e6).toFixed(1)} MB, best of ${ROUNDS} rounds`);
console.log(`  ${Math.round(count / best).toLocaleString('en-US')} packets/s, ${((best * 1e9) / count).toFixed(1)} ns/packet, ${(used / 1e6 / best).toFixed(0)} MB/s (checksum ${checksum})`);
