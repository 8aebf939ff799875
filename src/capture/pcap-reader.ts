import type { CaptureState } from './capture-state.js';
import { Damage } from './damage.js';
import type { FormatReader } from './format-reader.js';
import { MAX_CAPLEN, RESYNC_MAX_TIME_GAP_SEC } from './limits.js';
import { ProblemCode } from './problem-codes.js';

/** Bytes of the pcap file header and of each record header. */
export const PCAP_FILE_HEADER_BYTES = 24;
export const PCAP_RECORD_HEADER_BYTES = 16;
/** The pcap magic numbers as read little-endian: microsecond and nanosecond files. */
export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;
/** Link type bits of the header's link-type field (the top six carry FCS information). */
const LINKTYPE_MASK = 0x03ff_ffff;

/**
 * Reads classic libpcap files: either byte order, µs or ns timestamps.
 * Implausible record headers start a resynchronising scan (see `plausibleAt`).
 */
export class PcapReader implements FormatReader {
  needed = PCAP_FILE_HEADER_BYTES;
  private haveHeader = false;
  private littleEndian = true;
  private unitsPerSec = 1e6;
  private nanosPerUnit = 1000;
  private linkType = 1;
  /** Largest caplen a resynchronisation candidate may have. */
  private candidateCaplen = MAX_CAPLEN;
  private readonly damage: Damage;
  /** Set by findPlausible: whether it found a record. */
  private found = false;

  constructor(private readonly state: CaptureState) {
    this.damage = new Damage(state);
  }

  /** Parses the file header, then records; see FormatReader. */
  parse(buf: Uint8Array, view: DataView, start: number, end: number, base: number, eof: boolean): number {
    let pos = start;
    if (!this.haveHeader) {
      if (end - pos < PCAP_FILE_HEADER_BYTES) return this.short(pos, end, base, eof, PCAP_FILE_HEADER_BYTES);
      this.readFileHeader(view, pos);
      pos += PCAP_FILE_HEADER_BYTES;
    }
    const le = this.littleEndian;
    // Each pass consumes a record or at least one byte of damage, so the loop ends within `end - start` passes.
    while (pos < end) {
      if (this.damage.active) {
        pos = this.scan(view, pos, end, base, eof);
        if (this.damage.active) return pos;
        continue;
      }
      if (end - pos < PCAP_RECORD_HEADER_BYTES) return this.short(pos, end, base, eof, PCAP_RECORD_HEADER_BYTES);
      const caplen = view.getUint32(pos + 8, le);
      const origLen = view.getUint32(pos + 12, le);
      if (caplen > MAX_CAPLEN || caplen > origLen) {
        this.damage.begin(ProblemCode.pcapBadCaplen, base + pos, `record caplen ${caplen} is above ${caplen > MAX_CAPLEN ? `the ${MAX_CAPLEN}-byte limit` : `its original length ${origLen}`}`);
        pos += 1;
        continue;
      }
      const total = PCAP_RECORD_HEADER_BYTES + caplen;
      if (end - pos < total) {
        if (!eof) return this.short(pos, end, base, eof, total);
        pos = this.pastEnd(view, pos, end, base, total);
        continue;
      }
      this.emit(buf, view, pos, caplen, origLen, base);
      pos += total;
    }
    return pos;
  }

  private readFileHeader(view: DataView, pos: number): void {
    const magic = view.getUint32(pos, true);
    const swapped = view.getUint32(pos, false);
    this.littleEndian = magic === PCAP_MAGIC_US || magic === PCAP_MAGIC_NS;
    const nanos = (this.littleEndian ? magic : swapped) === PCAP_MAGIC_NS;
    this.unitsPerSec = nanos ? 1e9 : 1e6;
    this.nanosPerUnit = nanos ? 1 : 1000;
    const snaplen = view.getUint32(pos + 16, this.littleEndian);
    this.linkType = view.getUint32(pos + 20, this.littleEndian) & LINKTYPE_MASK;
    this.candidateCaplen = snaplen > 0 && snaplen < MAX_CAPLEN ? snaplen : MAX_CAPLEN;
    this.haveHeader = true;
    this.state.addInterface({ id: 0, linkType: this.linkType, snaplen, tsUnitsPerSec: this.unitsPerSec });
  }

  /** Not enough bytes at `pos` for a structure of `needed` bytes: wait for more, or report truncation at the end. */
  private short(pos: number, end: number, base: number, eof: boolean, needed: number): number {
    if (!eof) {
      this.needed = needed;
      return pos;
    }
    if (end > pos) this.state.truncate(base + pos, end - pos, needed);
    return end;
  }

  private emit(buf: Uint8Array, view: DataView, pos: number, caplen: number, origLen: number, base: number): void {
    const le = this.littleEndian;
    const p = this.state.packet;
    let sec = view.getUint32(pos, le);
    let frac = view.getUint32(pos + 4, le);
    if (frac >= this.unitsPerSec) {
      this.state.report(ProblemCode.pcapBadTimestamp, base + pos + 4, `sub-second field ${frac} is not below ${this.unitsPerSec}; carried into the seconds`);
      sec += Math.floor(frac / this.unitsPerSec);
      frac %= this.unitsPerSec;
    }
    p.tsSec = sec;
    p.tsNsec = frac * this.nanosPerUnit;
    p.caplen = caplen;
    p.origLen = origLen;
    p.linkType = this.linkType;
    p.interfaceId = 0;
    p.data = buf.subarray(pos + PCAP_RECORD_HEADER_BYTES, pos + PCAP_RECORD_HEADER_BYTES + caplen);
    p.fileOffset = base + pos;
    this.state.emitPacket(true);
  }

  /**
   * At the end of the input, a record at `pos` claims `total` bytes but fewer
   * are left: either the file was cut, or the length is damaged and plausible
   * records follow. Returns where to go on (the end, or the next record).
   */
  private pastEnd(view: DataView, pos: number, end: number, base: number, total: number): number {
    const q = this.findPlausible(view, pos + 1, end, base, true);
    if (!this.found) return this.short(pos, end, base, true, total);
    this.damage.begin(ProblemCode.pcapBadCaplen, base + pos, `record of ${total} bytes runs past the end of the input`);
    this.damage.resume(base + q);
    return q;
  }

  /** Resynchronising scan from `pos`: ends the damage at a plausible record, or at the end of the input. */
  private scan(view: DataView, pos: number, end: number, base: number, eof: boolean): number {
    const q = this.findPlausible(view, pos, end, base, eof);
    if (this.found) this.damage.resume(base + q);
    else if (eof) this.damage.endOfInput(base + end);
    return this.found || !eof ? q : end;
  }

  /**
   * Looks from `from` for a record header that is plausible and followed by
   * another plausible header (or the exact end of the input); sets `found`.
   * Returns the record's offset, or where it stopped for want of bytes.
   */
  private findPlausible(view: DataView, from: number, end: number, base: number, eof: boolean): number {
    this.found = false;
    this.needed = PCAP_RECORD_HEADER_BYTES;
    for (let q = from; q < end; q++) {
      if (this.damage.active) this.damage.checkBudget(base + q);
      if (end - q < PCAP_RECORD_HEADER_BYTES) return q;
      const caplen = this.plausibleAt(view, q);
      if (caplen < 0) continue;
      const next = q + PCAP_RECORD_HEADER_BYTES + caplen;
      if (eof && next === end) { this.found = true; return q; }
      if (end - next < PCAP_RECORD_HEADER_BYTES) {
        if (eof) continue;
        this.needed = next + PCAP_RECORD_HEADER_BYTES - q;
        return q;
      }
      if (this.plausibleAt(view, next) < 0) continue;
      this.found = true;
      return q;
    }
    return end;
  }

  /** Strict header check for resynchronisation: the caplen when the header at `q` is plausible, else -1. */
  private plausibleAt(view: DataView, q: number): number {
    const le = this.littleEndian;
    const sec = view.getUint32(q, le);
    const frac = view.getUint32(q + 4, le);
    const caplen = view.getUint32(q + 8, le);
    const origLen = view.getUint32(q + 12, le);
    if (frac >= this.unitsPerSec || caplen > this.candidateCaplen || caplen > origLen || origLen > MAX_CAPLEN) return -1;
    if (this.state.lastSec >= 0 && Math.abs(sec - this.state.lastSec) > RESYNC_MAX_TIME_GAP_SEC) return -1;
    return caplen;
  }
}
