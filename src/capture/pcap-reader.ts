import type { CaptureState } from './capture-state.js';
import { MAX_CAPLEN, RESYNC_MAX_TIME_GAP_SEC } from './limits.js';
import { ProblemCode } from './problem-codes.js';
import { ResyncingReader } from './resyncing-reader.js';

/** Bytes of the pcap file header. */
export const PCAP_FILE_HEADER_BYTES = 24;
/** Bytes of each pcap record header (seconds, sub-second, caplen, original length). */
export const PCAP_RECORD_HEADER_BYTES = 16;
/** Magic of a microsecond pcap, as read in the file's own byte order. */
export const PCAP_MAGIC_US = 0xa1b2c3d4;
/** Magic of a nanosecond pcap, as read in the file's own byte order. */
export const PCAP_MAGIC_NS = 0xa1b23c4d;
/** Link type bits of the header's link-type field (the top six carry FCS information). */
const LINKTYPE_MASK = 0x03ff_ffff;
/** Records start at any byte (no padding in pcap). */
const RECORD_ALIGN = 1;

/**
 * Reads classic libpcap files: either byte order, µs or ns timestamps.
 * Implausible record headers start a resynchronising scan (see `plausibleAt`).
 */
export class PcapReader extends ResyncingReader {
  private haveHeader = false;
  private littleEndian = true;
  private unitsPerSec = 1e6;
  private nanosPerUnit = 1000;
  private linkType = 1;
  /** Largest caplen a resynchronisation candidate may have (the snaplen when sane). */
  private candidateCaplen = MAX_CAPLEN;

  constructor(state: CaptureState) {
    super(state, PCAP_FILE_HEADER_BYTES, ProblemCode.pcapBadCaplen, RECORD_ALIGN);
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
      const total = PCAP_RECORD_HEADER_BYTES + caplen;
      if (caplen > MAX_CAPLEN || (caplen > origLen && !this.nextLinesUp(view, pos + total, end, eof))) {
        if (caplen <= MAX_CAPLEN && !eof && end - pos < total + PCAP_RECORD_HEADER_BYTES) return this.short(pos, end, base, eof, total + PCAP_RECORD_HEADER_BYTES);
        this.damage.begin(ProblemCode.pcapBadCaplen, base + pos, `record caplen ${caplen} is above ${caplen > MAX_CAPLEN ? `the ${MAX_CAPLEN}-byte limit` : `its original length ${origLen}`}`);
        pos += RECORD_ALIGN;
        continue;
      }
      if (end - pos < total) {
        if (!eof) return this.short(pos, end, base, eof, total);
        pos = this.pastEnd(view, pos, end, base, total);
        continue;
      }
      if (caplen > origLen) this.state.report(ProblemCode.pcapCaplenAboveOrigLen, base + pos, `record caplen ${caplen} is above its original length ${origLen}; kept, as the next record lines up`);
      this.emit(buf, view, pos, caplen, origLen, base);
      pos += total;
    }
    return pos;
  }

  /** True when a plausible record header (or the exact end of the input) is at `next`; its own lengths may disagree the same way. */
  private nextLinesUp(view: DataView, next: number, end: number, eof: boolean): boolean {
    if (eof && next === end) return true;
    return end - next >= PCAP_RECORD_HEADER_BYTES && this.plausibleAt(view, next, false) >= 0;
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
    this.state.addInterface({ id: 0, linkType: this.linkType, snaplen, tsUnitsPerSec: this.unitsPerSec }, pos);
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

  /** See ResyncingReader.findPlausible; candidates must pass `plausibleAt`, and so must the header after them. */
  protected findPlausible(view: DataView, from: number, end: number, base: number, eof: boolean): number {
    this.found = false;
    this.needed = PCAP_RECORD_HEADER_BYTES;
    for (let q = from; q < end; q += RECORD_ALIGN) {
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

  /**
   * Strict header check for resynchronisation: sub-second below one second,
   * caplen within the snaplen and the original length, original length within
   * MAX_CAPLEN (unless not `strict`), time within RESYNC_MAX_TIME_GAP_SEC
   * of the last packet. Returns the caplen when plausible, else -1.
   */
  private plausibleAt(view: DataView, q: number, strict = true): number {
    const le = this.littleEndian;
    const sec = view.getUint32(q, le);
    const frac = view.getUint32(q + 4, le);
    const caplen = view.getUint32(q + 8, le);
    const origLen = view.getUint32(q + 12, le);
    if (frac >= this.unitsPerSec || caplen > this.candidateCaplen) return -1;
    if (strict && (caplen > origLen || origLen > MAX_CAPLEN)) return -1;
    if (this.state.referenceSec >= 0 && Math.abs(sec - this.state.referenceSec) > RESYNC_MAX_TIME_GAP_SEC) return -1;
    return caplen;
  }
}
