import { writeFrame } from './frame-builder.js';
import { mixedTraffic } from './mixed-traffic.js';
import { PcapFileWriter } from './pcap-file-writer.js';

const MAX_FRAME = 1600;

/** Writes a mixed-traffic pcap of about `targetBytes` bytes; returns bytes and packets written. */
export function writeMixedCapture(path: string, targetBytes: number, seed = 1, bodyScale = 1): { bytes: number; packets: number } {
  const out = new PcapFileWriter(path);
  for (const { tsMicros, frame } of mixedTraffic(seed, Date.UTC(2026, 10, 20, 9, 0, 0) * 1000, { bodyScale })) {
    if (out.bytes >= targetBytes) break;
    const { buf, offset } = out.reserve(MAX_FRAME);
    out.commit(tsMicros, writeFrame(buf, offset, frame));
  }
  out.close();
  return { bytes: out.bytes, packets: out.packets };
}
