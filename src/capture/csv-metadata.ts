import { formatAddress } from '../decode/address.js';
import type { DecodedPacket } from '../decode/packet.js';
import { escapeCsvCell } from '../util/escape.js';
import { FileOutput } from '../util/file-output.js';
import type { RawPacket } from './packet.js';

/** Header row of the packet metadata CSV. */
export const CSV_METADATA_HEADER = 'ts,src_ip,src_port,dst_ip,dst_port,protocol,length';

/** Protocol names by IP protocol number; others are written as the number. */
const PROTOCOL_NAMES: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmp6', 132: 'sctp' };
/** Non-IP frames: the EtherType names the protocol. */
const ETHER_NAMES: Record<number, string> = { 0x0806: 'arp' };

/** CSV text collected before a write to the file. */
const BUFFER_CHARS = 256 * 1024;

/**
 * One CSV line per packet: time (seconds with microseconds, as tcpdump
 * prints), source and destination address and port (empty when the packet
 * has none), protocol name and wire length. Every cell goes through
 * escapeCsvCell. Non-IP frames have empty addresses.
 */
export function csvMetadataLine(raw: RawPacket, pkt: DecodedPacket): string {
  const ts = `${raw.tsSec}.${String(Math.floor(raw.tsNsec / 1000)).padStart(6, '0')}`;
  const ip = pkt.ipVersion !== 0;
  const ports = ip && (pkt.ipProto === 6 || pkt.ipProto === 17 || pkt.ipProto === 132);
  const protocol = ip ? PROTOCOL_NAMES[pkt.ipProto] ?? String(pkt.ipProto) : ETHER_NAMES[pkt.etherType] ?? (pkt.etherType ? `ether_0x${pkt.etherType.toString(16).padStart(4, '0')}` : '');
  return [
    ts,
    ip ? formatAddress(pkt.src, pkt.ipVersion) : '',
    ports ? String(pkt.srcPort) : '',
    ip ? formatAddress(pkt.dst, pkt.ipVersion) : '',
    ports ? String(pkt.dstPort) : '',
    protocol,
    String(raw.origLen),
  ].map(escapeCsvCell).join(',') + '\n';
}

/**
 * Writes the packet metadata CSV through a buffered stream. `add` returns
 * false when the file lags behind; await `drain()` before adding more.
 */
export class CsvMetadataWriter {
  private readonly out: FileOutput;
  private pending = '';

  constructor(readonly path: string) {
    this.out = new FileOutput(path);
    this.pending = CSV_METADATA_HEADER + '\n';
  }

  /** Appends the line of one packet. */
  add(raw: RawPacket, pkt: DecodedPacket): boolean {
    this.out.check();
    this.pending += csvMetadataLine(raw, pkt);
    if (this.pending.length >= BUFFER_CHARS) this.flush();
    return !this.out.lagging;
  }

  /** Resolves when the file has caught up. */
  drain(): Promise<void> {
    return this.out.drain();
  }

  /** Writes what is buffered and closes the file; rejects with the first write error. */
  close(): Promise<void> {
    this.flush();
    return this.out.close();
  }

  private flush(): void {
    if (this.pending === '') return;
    this.out.write(this.pending);
    this.pending = '';
  }
}
