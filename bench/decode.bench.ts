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
 * timed. Prints packets/s, ns/packet and MB/s of the best round, by CPU time
 * of this process (robust on a shared machine) and by wall time.
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

/** Seconds of CPU (user + system) and of wall time one pass over the frames takes. */
function round(): { cpu: number; wall: number } {
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    raw.data = frames[i];
    raw.caplen = raw.origLen = raw.data.length;
    decoder.decode(raw, out);
    checksum += out.dstPort;
  }
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall };
}

function report(label: string, seconds: number): void {
  const rate = Math.round(count / seconds).toLocaleString('en-US');
  console.log(`  ${label}: ${rate} packets/s, ${((seconds * 1e9) / count).toFixed(1)} ns/packet, ${(used / 1e6 / seconds).toFixed(0)} MB/s`);
}

let bestCpu = Infinity, bestWall = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  const { cpu, wall } = round();
  bestCpu = Math.min(bestCpu, cpu);
  bestWall = Math.min(bestWall, wall);
}
console.log(`decode: ${count.toLocaleString('en-US')} packets, ${(used / 1e6).toFixed(1)} MB, best of ${ROUNDS} rounds (checksum ${checksum})`);
report('cpu time ', bestCpu);
report('wall time', bestWall);
