import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureParser } from '../src/capture/capture-parser.js';
import { CaptureWriter } from '../src/capture/capture-writer.js';
import { DEFAULT_CHUNK_BYTES } from '../src/capture/limits.js';
import { newRawPacket, type RawPacket } from '../src/capture/packet.js';
import { findCaptureFiles } from '../src/capture/find-captures.js';
import { readCapture } from '../src/capture/read-capture.js';
import { corpus } from '../test/helpers/corpus.js';

/**
 * Capture-reader throughput: `tsx bench/capture.bench.ts [file]`. Without a
 * file, builds a ~200 MB Ethernet pcap in the temp folder from the corpus
 * packets. Prints one JSON line: the bare parser (pushing 2 MiB chunks read
 * with readSync) and readCapture (stream, SHA-256, parser).
 */
const TARGET_BYTES = 200e6;
const LINKTYPE_ETHERNET = 1;

async function buildDefaultCapture(): Promise<string> {
  const path = join(tmpdir(), 'tracer-capture-bench.pcap');
  if (existsSync(path) && statSync(path).size >= TARGET_BYTES) return path;
  const frames: Uint8Array[] = [];
  for (const file of findCaptureFiles(corpus('pcaps'))) {
    await readCapture(file, { packet: (p) => { if (p.linkType === LINKTYPE_ETHERNET) frames.push(p.data.slice()); } });
  }
  const writer = new CaptureWriter(path, { linkTypes: [LINKTYPE_ETHERNET] });
  const out = newRawPacket();
  let written = 0;
  for (let micros = 0; written < TARGET_BYTES; ) {
    for (const frame of frames) {
      micros += 7;
      Object.assign(out, { tsSec: 1_700_000_000 + Math.floor(micros / 1e6), tsNsec: (micros % 1e6) * 1000, data: frame, origLen: frame.length });
      written += 16 + frame.length;
      if (!writer.write(out)) await writer.drain();
    }
  }
  await writer.close();
  return path;
}

function parseFile(path: string): { packets: number; bytes: number; seconds: number } {
  let packets = 0;
  let payload = 0;
  const parser = new CaptureParser({ packet: (p: RawPacket) => { packets++; payload += p.caplen; } });
  const chunk = new Uint8Array(DEFAULT_CHUNK_BYTES);
  const fd = openSync(path, 'r');
  const started = performance.now();
  for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) parser.push(chunk.subarray(0, n));
  const summary = parser.end();
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  if (summary.packets !== packets || payload <= 0) throw new Error('parser lost packets');
  return { packets, bytes: summary.bytes, seconds };
}

async function readFile(path: string): Promise<{ packets: number; bytes: number; seconds: number }> {
  let packets = 0;
  const started = performance.now();
  const summary = await readCapture(path, { packet: () => { packets++; } });
  return { packets, bytes: summary.fileBytes, seconds: (performance.now() - started) / 1000 };
}

const path = process.argv[2] ?? await buildDefaultCapture();
parseFile(path);
const bare = parseFile(path);
const full = await readFile(path);
console.log(JSON.stringify({
  bench: 'capture', file: path, bytes: bare.bytes, packets: bare.packets,
  parserMBps: Math.round(bare.bytes / 1e6 / bare.seconds), parserPps: Math.round(bare.packets / bare.seconds),
  readCaptureMBps: Math.round(full.bytes / 1e6 / full.seconds), readCapturePps: Math.round(full.packets / full.seconds),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
}));
