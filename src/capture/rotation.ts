import { extname } from 'node:path';
import { CaptureWriter } from './capture-writer.js';
import type { RawPacket } from './packet.js';

/** When to start a new capture file: after so many bytes, or so many seconds of packet time. */
export type RotationRule = { kind: 'size'; bytes: number } | { kind: 'time'; seconds: number };

const SIZE_UNITS: Record<string, number> = { '': 1, B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };
const TIME_UNITS: Record<string, number> = { S: 1, M: 60, H: 3600, D: 86400 };
/** Smallest file size accepted: below this a file would hold only a few packets. */
const MIN_ROTATE_BYTES = 1024;

/**
 * Parses a --rotate value: a size (`100MB`, `1GiB`, `500KB`) or a duration
 * (`30s`, `15m`, `1h`, `1d`). Returns null when it is neither.
 * @example parseRotation('100MB') // { kind: 'size', bytes: 100_000_000 }
 */
export function parseRotation(text: string): RotationRule | null {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]);
  const unit = m[2].toUpperCase();
  if (unit in TIME_UNITS && value > 0) return { kind: 'time', seconds: value * TIME_UNITS[unit] };
  if (unit in SIZE_UNITS && value * SIZE_UNITS[unit] >= MIN_ROTATE_BYTES) return { kind: 'size', bytes: Math.round(value * SIZE_UNITS[unit]) };
  return null;
}

/** Digits of the file sequence number in rotated names (`out-00001.pcap`). */
const SEQUENCE_DIGITS = 5;

/**
 * The name of the `index`-th file (1-based) of a rotated capture: the
 * sequence number goes before the extension. `rotatedName('x.pcap', 2)` → `x-00002.pcap`.
 */
export function rotatedName(path: string, index: number): string {
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-${String(index).padStart(SEQUENCE_DIGITS, '0')}${ext}`;
}

/** pcap file header and per-record header sizes, to count file bytes as they are written. */
const PCAP_HEADER_BYTES = 24;
const PCAP_RECORD_HEADER_BYTES = 16;

/**
 * Writes a live capture to one pcap file, or with a rule to a numbered series
 * (`x-00001.pcap`, `x-00002.pcap`, …). Size rotation starts a new file before
 * a packet that would push the file past the limit; time rotation when a
 * packet's timestamp is `seconds` past the first packet of the file (packet
 * time, not the wall clock, so a file's span is exact).
 */
export class RotatingCaptureWriter {
  /** Paths written so far, in order. */
  readonly files: string[] = [];
  private current: CaptureWriter | null = null;
  private fileBytes = 0;
  private fileStartTs = 0;
  private readonly closing: Promise<void>[] = [];

  constructor(private readonly path: string, private readonly linkType: number, private readonly rule: RotationRule | null) {}

  /** Appends a packet; false when the disk lags (await drain()). */
  write(p: RawPacket): boolean {
    const ts = p.tsSec + p.tsNsec / 1e9;
    const recordBytes = PCAP_RECORD_HEADER_BYTES + p.caplen;
    if (this.current === null || this.due(ts, recordBytes)) this.open(ts);
    this.fileBytes += recordBytes;
    return this.current!.write(p);
  }

  /** Resolves when the current file has caught up. */
  async drain(): Promise<void> {
    await this.current?.drain();
  }

  /** Closes every file (creating an empty one when no packet came, so -w always leaves a file). */
  async close(): Promise<void> {
    if (this.current === null) this.open(0);
    this.retire(this.current!);
    await Promise.all(this.closing);
  }

  private due(ts: number, recordBytes: number): boolean {
    if (this.rule === null) return false;
    if (this.rule.kind === 'size') return this.fileBytes > PCAP_HEADER_BYTES && this.fileBytes + recordBytes > this.rule.bytes;
    return ts - this.fileStartTs >= this.rule.seconds;
  }

  /** Starts closing a finished file; a failure surfaces from close(), not as an unhandled rejection. */
  private retire(writer: CaptureWriter): void {
    const closed = writer.close();
    closed.catch(() => undefined);
    this.closing.push(closed);
  }

  private open(ts: number): void {
    if (this.current !== null) this.retire(this.current);
    const name = this.rule === null ? this.path : rotatedName(this.path, this.files.length + 1);
    this.current = new CaptureWriter(name, { linkTypes: [this.linkType] });
    this.files.push(name);
    this.fileBytes = PCAP_HEADER_BYTES;
    this.fileStartTs = ts;
  }
}
