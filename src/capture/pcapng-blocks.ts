import type { CaptureState } from './capture-state.js';
import { MAX_CAPLEN, MAX_INTERFACES_PER_SECTION, RESYNC_MAX_TIME_GAP_SEC } from './limits.js';
import type { CaptureInterface } from './packet.js';
import { OPT_COMMENT, OptionReader } from './pcapng-options.js';
import { ProblemCode } from './problem-codes.js';
import { splitTicks, ticksPerSecond } from './ticks.js';

/** pcapng block types this reader understands. */
export const BlockType = {
  sectionHeader: 0x0a0d0d0a,
  interfaceDescription: 1,
  obsoletePacket: 2,
  simplePacket: 3,
  nameResolution: 4,
  interfaceStatistics: 5,
  enhancedPacket: 6,
  decryptionSecrets: 10,
} as const;

/** Byte-order magic of a section header, as read in the section's own byte order. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** Fixed bytes before the options of a section header (type, length, magic, version, section length). */
const SHB_FIXED_BYTES = 24;
/** Fixed bytes of an IDB before its options. */
const IDB_FIXED_BYTES = 16;
/** Fixed bytes of an EPB / obsolete PB before the packet data. */
const PACKET_FIXED_BYTES = 28;
/** Fixed bytes of an SPB before the packet data. */
const SPB_FIXED_BYTES = 12;
const TRAILER_BYTES = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const IF_TSOFFSET = 14;
const DEFAULT_UNITS = 1e6;

/**
 * The block bodies of one pcapng input: section headers reset the interface
 * table, IDBs fill it, packet blocks are decoded into the shared RawPacket.
 * Framing (lengths, resynchronisation) is PcapngReader's job.
 */
export class PcapngBlocks {
  littleEndian = true;
  private readonly linkTypes: number[] = [];
  private readonly units: number[] = [];
  private readonly offsetSec: number[] = [];
  private readonly snaplens: number[] = [];
  private readonly options = new OptionReader();
  private readonly scratchTime = { tsSec: 0, tsNsec: 0 };

  constructor(private readonly state: CaptureState) {}

  /** Handles a well-framed block of `len` bytes at `pos` (`base + pos` in the input). Unknown types are skipped. */
  read(type: number, buf: Uint8Array, view: DataView, pos: number, len: number, base: number): void {
    switch (type) {
      case BlockType.sectionHeader: return this.readSection(buf, view, pos, len, base);
      case BlockType.interfaceDescription: return this.readInterface(buf, view, pos, len, base);
      case BlockType.enhancedPacket: return this.readPacket(buf, view, pos, len, base, false);
      case BlockType.obsoletePacket: return this.readPacket(buf, view, pos, len, base, true);
      case BlockType.simplePacket: return this.readSimplePacket(buf, view, pos, len, base);
    }
  }

  /** Strict check of a packet block for resynchronisation: known interface, caplen fits, timestamp near the last one. */
  plausiblePacket(type: number, view: DataView, pos: number, len: number): boolean {
    if (type === BlockType.simplePacket) return this.linkTypes.length > 0;
    if (type !== BlockType.enhancedPacket && type !== BlockType.obsoletePacket) return true;
    if (len < PACKET_FIXED_BYTES + TRAILER_BYTES) return false;
    const le = this.littleEndian;
    const id = type === BlockType.obsoletePacket ? view.getUint16(pos + 8, le) : view.getUint32(pos + 8, le);
    const caplen = view.getUint32(pos + 20, le);
    if (id >= this.linkTypes.length || caplen > MAX_CAPLEN || caplen > len - PACKET_FIXED_BYTES - TRAILER_BYTES) return false;
    if (this.state.referenceSec < 0) return true;
    splitTicks(view.getUint32(pos + 12, le), view.getUint32(pos + 16, le), this.units[id], this.scratchTime);
    return Math.abs(this.scratchTime.tsSec + this.offsetSec[id] - this.state.referenceSec) <= RESYNC_MAX_TIME_GAP_SEC;
  }

  private readSection(buf: Uint8Array, view: DataView, pos: number, len: number, base: number): void {
    this.linkTypes.length = 0;
    this.units.length = 0;
    this.offsetSec.length = 0;
    this.snaplens.length = 0;
    if (!this.fits(len, SHB_FIXED_BYTES, base + pos, 'section header')) return;
    this.startOptions(buf, view, pos + SHB_FIXED_BYTES, pos + len);
    while (this.options.next()) {
      if (this.options.code === OPT_COMMENT) this.state.comment(this.options.text(), base + pos);
    }
    this.checkOptions(base);
  }

  private readInterface(buf: Uint8Array, view: DataView, pos: number, len: number, base: number): void {
    if (!this.fits(len, IDB_FIXED_BYTES, base + pos, 'interface description')) return;
    if (this.linkTypes.length >= MAX_INTERFACES_PER_SECTION) {
      this.state.report(ProblemCode.pcapngTooManyInterfaces, base + pos, `section has more than ${MAX_INTERFACES_PER_SECTION} interfaces; ignoring this one`);
      return;
    }
    const le = this.littleEndian;
    const iface: CaptureInterface = {
      id: this.linkTypes.length, linkType: view.getUint16(pos + 8, le), snaplen: view.getUint32(pos + 12, le), tsUnitsPerSec: DEFAULT_UNITS,
    };
    let offsetSec = 0;
    const o = this.options;
    this.startOptions(buf, view, pos + IDB_FIXED_BYTES, pos + len);
    while (o.next()) {
      if (o.code === IF_NAME) iface.name = o.text();
      else if (o.code === IF_DESCRIPTION) iface.description = o.text();
      else if (o.code === OPT_COMMENT) iface.comment = o.text();
      else if (o.code === IF_TSRESOL && o.valueLength >= 1) iface.tsUnitsPerSec = this.resolution(buf[o.valueStart], base + o.valueStart);
      else if (o.code === IF_TSOFFSET && o.valueLength >= 8) offsetSec = readInt64(view, o.valueStart, le);
    }
    this.checkOptions(base);
    this.linkTypes.push(iface.linkType);
    this.units.push(iface.tsUnitsPerSec);
    this.offsetSec.push(offsetSec);
    this.snaplens.push(iface.snaplen);
    this.state.addInterface(iface, base + pos);
  }

  private resolution(resol: number, offset: number): number {
    const units = ticksPerSecond(resol);
    if (units > 0) return units;
    this.state.report(ProblemCode.pcapngBadTsresol, offset, `if_tsresol 0x${resol.toString(16)} is finer than supported; assuming microseconds`);
    return DEFAULT_UNITS;
  }

  private readPacket(buf: Uint8Array, view: DataView, pos: number, len: number, base: number, obsolete: boolean): void {
    if (!this.fits(len, PACKET_FIXED_BYTES, base + pos, 'packet')) return;
    const le = this.littleEndian;
    const id = obsolete ? view.getUint16(pos + 8, le) : view.getUint32(pos + 8, le);
    if (id >= this.linkTypes.length) {
      this.state.report(ProblemCode.pcapngUnknownInterface, base + pos, `packet block names interface ${id} but the section describes ${this.linkTypes.length}; block skipped`);
      return;
    }
    const caplen = view.getUint32(pos + 20, le);
    const room = len - PACKET_FIXED_BYTES - TRAILER_BYTES;
    if (caplen > room || caplen > MAX_CAPLEN) {
      this.state.report(ProblemCode.pcapngBadCaplen, base + pos, `packet block caplen ${caplen} exceeds ${caplen > room ? `the ${room} bytes the block holds` : `the ${MAX_CAPLEN}-byte limit`}; block skipped`);
      return;
    }
    const p = this.state.packet;
    splitTicks(view.getUint32(pos + 12, le), view.getUint32(pos + 16, le), this.units[id], p);
    p.tsSec += this.offsetSec[id];
    this.fill(buf, pos + PACKET_FIXED_BYTES, caplen, view.getUint32(pos + 24, le), id, base + pos);
    this.state.emitPacket(true);
    const optionsStart = pos + PACKET_FIXED_BYTES + ((caplen + 3) & ~3);
    if (optionsStart < pos + len - TRAILER_BYTES) this.readPacketComments(buf, view, optionsStart, pos + len, base + pos, base);
  }

  private readSimplePacket(buf: Uint8Array, view: DataView, pos: number, len: number, base: number): void {
    if (!this.fits(len, SPB_FIXED_BYTES + TRAILER_BYTES, base + pos, 'simple packet')) return;
    if (this.linkTypes.length === 0) {
      this.state.report(ProblemCode.pcapngUnknownInterface, base + pos, 'simple packet block before any interface description; block skipped');
      return;
    }
    const origLen = view.getUint32(pos + 8, this.littleEndian);
    const snaplen = this.snaplens[0] > 0 ? this.snaplens[0] : MAX_CAPLEN;
    const caplen = Math.min(origLen, snaplen, len - SPB_FIXED_BYTES - TRAILER_BYTES, MAX_CAPLEN);
    const p = this.state.packet;
    p.tsSec = 0;
    p.tsNsec = 0;
    this.fill(buf, pos + SPB_FIXED_BYTES, caplen, origLen, 0, base + pos);
    this.state.emitPacket(false);
  }

  private fill(buf: Uint8Array, dataStart: number, caplen: number, origLen: number, id: number, fileOffset: number): void {
    const p = this.state.packet;
    p.caplen = caplen;
    p.origLen = origLen;
    p.linkType = this.linkTypes[id];
    p.interfaceId = id;
    p.data = buf.subarray(dataStart, dataStart + caplen);
    p.fileOffset = fileOffset;
  }

  private readPacketComments(buf: Uint8Array, view: DataView, start: number, end: number, blockOffset: number, base: number): void {
    this.startOptions(buf, view, start, end);
    while (this.options.next()) {
      if (this.options.code === OPT_COMMENT) this.state.comment(this.options.text(), blockOffset);
    }
    this.checkOptions(base);
  }

  private startOptions(buf: Uint8Array, view: DataView, start: number, blockEnd: number): void {
    this.options.reset(buf, view, start, blockEnd - TRAILER_BYTES, this.littleEndian);
  }

  private checkOptions(base: number): void {
    if (this.options.broken) this.state.report(ProblemCode.pcapngBadOption, base + this.options.position, 'option overruns its block; later options ignored');
  }

  /** True when a block of `len` bytes holds the `fixed` bytes its type needs; else reports it. */
  private fits(len: number, fixed: number, offset: number, what: string): boolean {
    if (len >= fixed + TRAILER_BYTES) return true;
    this.state.report(ProblemCode.pcapngShortBlock, offset, `${what} block of ${len} bytes is shorter than its ${fixed + TRAILER_BYTES} fixed bytes; block skipped`);
    return false;
  }
}

/** Signed 64-bit integer at `pos` as a double (exact below 2^53). */
function readInt64(view: DataView, pos: number, le: boolean): number {
  const high = view.getInt32(le ? pos + 4 : pos, le);
  const low = view.getUint32(le ? pos : pos + 4, le);
  return high * 4_294_967_296 + low;
}
