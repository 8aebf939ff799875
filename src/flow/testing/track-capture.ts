import { spawnSync } from 'node:child_process';
import { readCapture } from '../../capture/index.js';
import type { RawPacket } from '../../capture/packet.js';
import { PacketDecoder } from '../../decode/index.js';
import { newDecodedPacket } from '../../decode/packet.js';
import type { ConnRecord } from '../conn-record.js';
import { FlowTable, type FlowTableOptions } from '../table.js';

/** Reads a capture through the real reader and decoders into a FlowTable; returns every record. */
export async function trackCapture(path: string, opts: Partial<FlowTableOptions> = {}): Promise<{ records: ConnRecord[]; table: FlowTable }> {
  const records: ConnRecord[] = [];
  const table = new FlowTable({ ...opts, onConn: (rec) => records.push(rec) });
  const decoder = new PacketDecoder();
  const pkt = newDecodedPacket();
  let last = 0;
  await readCapture(path, {
    packet(raw: RawPacket): void {
      decoder.decode(raw, pkt);
      last = raw.tsSec + raw.tsNsec / 1e9;
      table.add(last, raw, pkt);
    },
  });
  table.flush(last);
  return { records, table };
}

/** Runs tshark (read-only on `path`) and returns its standard output; throws with its error text on failure. */
export function tshark(path: string, args: string[]): string {
  const r = spawnSync('tshark', ['-n', '-r', path, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`tshark failed on ${path}: ${r.stderr}`);
  return r.stdout;
}

/** Rows of a Zeek TSV log as objects keyed by column name (dots as underscores). */
export function parseZeekLog(text: string): Record<string, string>[] {
  const lines = text.split('\n');
  const fields = (lines.find((l) => l.startsWith('#fields')) ?? '').split('\t').slice(1).map((f) => f.replace(/\./g, '_'));
  return lines.filter((l) => l !== '' && !l.startsWith('#')).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(fields.map((f, i) => [f, cells[i]]));
  });
}
