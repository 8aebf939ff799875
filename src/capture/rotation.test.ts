import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tshark } from '../../test/helpers/tshark.js';
import { newRawPacket } from './packet.js';
import { parseRotation, rotatedName, RotatingCaptureWriter } from './rotation.js';

const LINKTYPE_ETHERNET = 1;

/** Writes `count` 100-byte frames one `step` second apart through a RotatingCaptureWriter. */
async function writeSeries(path: string, rule: Parameters<typeof parseRotation>[0] | null, count: number, step: number): Promise<string[]> {
  const writer = new RotatingCaptureWriter(path, LINKTYPE_ETHERNET, rule === null ? null : parseRotation(rule));
  const p = newRawPacket();
  p.data = new Uint8Array(100).fill(0xab);
  p.caplen = p.origLen = 100;
  for (let i = 0; i < count; i++) {
    p.tsSec = 1_700_000_000 + Math.floor(i * step);
    p.tsNsec = Math.round(((i * step) % 1) * 1e9);
    writer.write(p);
  }
  await writer.close();
  return writer.files;
}

function framesIn(file: string): number {
  return tshark(['-r', file, '-T', 'fields', '-e', 'frame.number']).trim().split('\n').filter((l) => l !== '').length;
}

describe('parseRotation', () => {
  it('reads sizes and durations', () => {
    expect(parseRotation('100MB')).toEqual({ kind: 'size', bytes: 100e6 });
    expect(parseRotation('1GiB')).toEqual({ kind: 'size', bytes: 1024 ** 3 });
    expect(parseRotation('1h')).toEqual({ kind: 'time', seconds: 3600 });
    expect(parseRotation('30s')).toEqual({ kind: 'time', seconds: 30 });
    expect(parseRotation('1.5m')).toEqual({ kind: 'time', seconds: 90 });
  });

  it('refuses nonsense, zero and tiny sizes', () => {
    for (const bad of ['', 'big', '0s', '10', '100XB', '-5MB', '1e9']) expect(parseRotation(bad)).toBeNull();
  });
});

describe('rotatedName', () => {
  it('numbers the files before the extension', () => {
    expect(rotatedName('/cases/x.pcap', 1)).toBe('/cases/x-00001.pcap');
    expect(rotatedName('dump', 12)).toBe('dump-00012');
  });
});

describe('RotatingCaptureWriter', () => {
  it('writes exactly the given path without a rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-rot-'));
    expect(await writeSeries(join(dir, 'x.pcap'), null, 50, 1)).toEqual([join(dir, 'x.pcap')]);
    expect(framesIn(join(dir, 'x.pcap'))).toBe(50);
  });

  it('starts a new file before a packet would pass the size limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-rot-'));
    // 24-byte header + 9 records of 116 bytes = 1068 bytes fit under 1100; the 10th would not.
    const files = await writeSeries(join(dir, 'x.pcap'), '1100B', 25, 0.001);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['x-00001.pcap', 'x-00002.pcap', 'x-00003.pcap']);
    expect(files.map(framesIn)).toEqual([9, 9, 7]);
    expect(readdirSync(dir).sort()).toEqual(['x-00001.pcap', 'x-00002.pcap', 'x-00003.pcap']);
  });

  it('starts a new file when packet time passes the period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracer-rot-'));
    // Packets every 0.4 s for 4 s, 1 s per file: 0.0–0.8 | 1.2–2.0 | 2.4–3.2 | 3.6.
    const files = await writeSeries(join(dir, 'x.pcap'), '1s', 10, 0.4);
    expect(files.map(framesIn)).toEqual([3, 3, 3, 1]);
  });
});
