import { CaptureParser } from './capture-parser.js';
import { CollectingSink } from './collecting-sink.js';
import type { CaptureSummary } from './packet.js';

/**
 * Parses an in-memory capture, pushed in chunks of `chunkSize` bytes (or at
 * the given split offsets), and returns everything found. For tests and small
 * inputs only: every packet is copied into memory.
 * @example const { sink, summary } = parseBytes(bytes, 7);
 */
export function parseBytes(bytes: Uint8Array, split: number | number[] = bytes.length): { sink: CollectingSink; summary: CaptureSummary } {
  const sink = new CollectingSink();
  const parser = new CaptureParser(sink);
  const cuts = typeof split === 'number' ? evenCuts(bytes.length, Math.max(1, split)) : [...split].sort((a, b) => a - b);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut <= from || cut > bytes.length) continue;
    parser.push(bytes.subarray(from, cut));
    from = cut;
  }
  return { sink, summary: parser.end() };
}

function evenCuts(length: number, size: number): number[] {
  const cuts: number[] = [];
  for (let at = size; at < length; at += size) cuts.push(at);
  return cuts;
}
