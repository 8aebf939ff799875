import { MAX_CAPLEN } from './limits.js';
import type { RawPacket } from './packet.js';
import { PCAP_FILE_HEADER_BYTES, PCAP_MAGIC_NS, PCAP_MAGIC_US, PCAP_RECORD_HEADER_BYTES } from './pcap-reader.js';
import { BlockType, BYTE_ORDER_MAGIC } from './pcapng-blocks.js';
import { joinTicks } from './ticks.js';

/** How records are laid out: byte order and timestamp resolution. */
export interface Encoding {
  littleEndian: boolean;
  nanosecond: boolean;
}

/** Bytes of the section header written (no options). */
const SECTION_HEADER_BYTES = 28;
/** Bytes of an interface description written (if_tsresol and opt_endofopt). */
export const INTERFACE_BLOCK_BYTES = 32;
/** Bytes an enhanced packet block adds around the padded frame. */
export const PACKET_BLOCK_OVERHEAD = 32;
const IF_TSRESOL = 9;
const TSRESOL_MICRO = 6;
const TSRESOL_NANO = 9;
const PCAP_VERSION_MAJOR = 2;
const PCAP_VERSION_MINOR = 4;
const PCAPNG_VERSION_MAJOR = 1;
const NANOS_PER_MICRO = 1000;

const ticks = { high: 0, low: 0 };

/** Writes a pcap file header at `pos`; returns its length. */
export function encodePcapHeader(view: DataView, pos: number, enc: Encoding, linkType: number): number {
  const le = enc.littleEndian;
  view.setUint32(pos, enc.nanosecond ? PCAP_MAGIC_NS : PCAP_MAGIC_US, le);
  view.setUint16(pos + 4, PCAP_VERSION_MAJOR, le);
  view.setUint16(pos + 6, PCAP_VERSION_MINOR, le);
  view.setUint32(pos + 8, 0, le);
  view.setUint32(pos + 12, 0, le);
  view.setUint32(pos + 16, MAX_CAPLEN, le);
  view.setUint32(pos + 20, linkType, le);
  return PCAP_FILE_HEADER_BYTES;
}

/** Writes one pcap record (header and frame) at `pos`; returns its length. */
export function encodePcapRecord(buf: Uint8Array, view: DataView, pos: number, enc: Encoding, p: RawPacket): number {
  const le = enc.littleEndian;
  const caplen = p.data.length;
  view.setUint32(pos, p.tsSec, le);
  view.setUint32(pos + 4, enc.nanosecond ? p.tsNsec : Math.floor(p.tsNsec / NANOS_PER_MICRO), le);
  view.setUint32(pos + 8, caplen, le);
  view.setUint32(pos + 12, p.origLen, le);
  buf.set(p.data, pos + PCAP_RECORD_HEADER_BYTES);
  return PCAP_RECORD_HEADER_BYTES + caplen;
}

/** Writes a pcapng section header (unknown section length, no options) at `pos`; returns its length. */
export function encodeSectionHeader(view: DataView, pos: number, enc: Encoding): number {
  const le = enc.littleEndian;
  view.setUint32(pos, BlockType.sectionHeader, le);
  view.setUint32(pos + 4, SECTION_HEADER_BYTES, le);
  view.setUint32(pos + 8, BYTE_ORDER_MAGIC, le);
  view.setUint16(pos + 12, PCAPNG_VERSION_MAJOR, le);
  view.setUint16(pos + 14, 0, le);
  view.setInt32(pos + 16, -1, le);
  view.setInt32(pos + 20, -1, le);
  view.setUint32(pos + 24, SECTION_HEADER_BYTES, le);
  return SECTION_HEADER_BYTES;
}

/** Writes an interface description block with if_tsresol at `pos`; returns its length. */
export function encodeInterfaceBlock(view: DataView, pos: number, enc: Encoding, linkType: number): number {
  const le = enc.littleEndian;
  view.setUint32(pos, BlockType.interfaceDescription, le);
  view.setUint32(pos + 4, INTERFACE_BLOCK_BYTES, le);
  view.setUint16(pos + 8, linkType, le);
  view.setUint16(pos + 10, 0, le);
  view.setUint32(pos + 12, MAX_CAPLEN, le);
  view.setUint16(pos + 16, IF_TSRESOL, le);
  view.setUint16(pos + 18, 1, le);
  view.setUint32(pos + 20, 0, le);
  view.setUint8(pos + 20, enc.nanosecond ? TSRESOL_NANO : TSRESOL_MICRO);
  view.setUint32(pos + 24, 0, le);
  view.setUint32(pos + 28, INTERFACE_BLOCK_BYTES, le);
  return INTERFACE_BLOCK_BYTES;
}

/** Writes an enhanced packet block for interface `id` at `pos`; returns its length. */
export function encodePacketBlock(buf: Uint8Array, view: DataView, pos: number, enc: Encoding, id: number, p: RawPacket): number {
  const le = enc.littleEndian;
  const caplen = p.data.length;
  const padded = (caplen + 3) & ~3;
  const len = PACKET_BLOCK_OVERHEAD + padded;
  if (enc.nanosecond) joinTicks(p.tsSec, p.tsNsec, 1e9, ticks);
  else joinTicks(p.tsSec, Math.floor(p.tsNsec / NANOS_PER_MICRO), 1e6, ticks);
  view.setUint32(pos, BlockType.enhancedPacket, le);
  view.setUint32(pos + 4, len, le);
  view.setUint32(pos + 8, id, le);
  view.setUint32(pos + 12, ticks.high, le);
  view.setUint32(pos + 16, ticks.low, le);
  view.setUint32(pos + 20, caplen, le);
  view.setUint32(pos + 24, p.origLen, le);
  buf.set(p.data, pos + 28);
  buf.fill(0, pos + 28 + caplen, pos + 28 + padded);
  view.setUint32(pos + len - 4, len, le);
  return len;
}
