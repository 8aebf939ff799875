import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { writeFrame } from '../src/synth/frame-builder.js';
import { intrusionAuthLog } from '../src/synth/intrusion-auth-log.js';
import { intrusionTraffic } from '../src/synth/intrusion-scenario.js';
import { PcapFileWriter } from '../src/synth/pcap-file-writer.js';

/** Regenerates the bundled sample (samples/intrusion.pcap.gz, samples/auth.log) deterministically. */
const tmp = 'samples/intrusion.pcap';
const out = new PcapFileWriter(tmp);
for (const { tsMicros, frame } of intrusionTraffic()) {
  const { buf, offset } = out.reserve(1600);
  out.commit(tsMicros, writeFrame(buf, offset, frame));
}
out.close();
const { readFileSync, unlinkSync } = await import('node:fs');
writeFileSync('samples/intrusion.pcap.gz', gzipSync(readFileSync(tmp), { level: 9 }));
unlinkSync(tmp);
writeFileSync('samples/auth.log', intrusionAuthLog());
console.log(`samples/intrusion.pcap.gz: ${out.packets} packets, ${out.bytes} bytes before gzip`);
