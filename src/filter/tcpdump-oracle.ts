import { spawnSync } from 'node:child_process';

/** Largest pcap output read back from tcpdump (the corpus files are a few MB). */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Each pcap record as a comparable key: timestamp words and frame bytes. */
function recordKeys(pcap: Buffer): string[] {
  const magic = pcap.readUInt32LE(0);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const u32 = (o: number): number => (little ? pcap.readUInt32LE(o) : pcap.readUInt32BE(o));
  const keys: string[] = [];
  for (let o = 24; o + 16 <= pcap.length;) {
    const caplen = u32(o + 8);
    keys.push(`${u32(o)}.${u32(o + 4)}:${pcap.subarray(o + 16, o + 16 + caplen).toString('base64')}`);
    o += 16 + caplen;
  }
  return keys;
}

function tcpdumpPcap(file: string, expr: string[]): Buffer {
  const r = spawnSync('tcpdump', ['-r', file, '-w', '-', ...expr], { maxBuffer: MAX_OUTPUT_BYTES });
  if (r.status !== 0) throw new Error(`tcpdump ${expr.join(' ')} on ${file}: ${r.stderr.toString().trim()}`);
  return r.stdout;
}

/**
 * Frame numbers (1-based) of the packets of `file` that tcpdump's BPF filter
 * `expr` keeps: tcpdump writes the matching packets, which are located, in
 * order, among all the packets tcpdump reads from the file.
 */
export function tcpdumpFrames(file: string, expr: string): number[] {
  const all = tcpdumpRecords(file);
  const kept = tcpdumpRecords(file, expr);
  const frames: number[] = [];
  let j = 0;
  for (let i = 0; i < all.length && j < kept.length; i++) {
    if (all[i] === kept[j]) { frames.push(i + 1); j++; }
  }
  if (j !== kept.length) throw new Error(`tcpdump output of ${expr} on ${file} does not follow the input order`);
  return frames;
}

/** The records (timestamp and bytes, as comparable keys) tcpdump reads from `file`, optionally filtered by `expr`. */
export function tcpdumpRecords(file: string, expr = ''): string[] {
  return recordKeys(tcpdumpPcap(file, expr === '' ? [] : [expr]));
}
