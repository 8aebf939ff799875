import type { CaptureInterface, CaptureSink, CaptureSummary, RawPacket } from './packet.js';
import { newRawPacket } from './packet.js';
import { MAX_INTERFACES_LISTED, RESYNC_MAX_TIME_GAP_SEC } from './limits.js';
import { ProblemCode } from './problem-codes.js';

const NANOS_PER_SEC = 1e9;

/**
 * What the format readers share while parsing one input: the reused packet,
 * the sink, and the running totals that become the CaptureSummary.
 */
export class CaptureState {
  /** The one RawPacket every record is decoded into. */
  readonly packet: RawPacket = newRawPacket();
  readonly interfaces: CaptureInterface[] = [];
  readonly linkTypes: number[] = [];
  private readonly linkTypeSet = new Set<number>();
  private interfacesOverflowed = false;
  packets = 0;
  problems = 0;
  truncated = false;
  /**
   * Seconds of the latest packet whose time agreed (within RESYNC_MAX_TIME_GAP_SEC)
   * with the packet before it, or -1 until two did: the time a resynchronisation
   * candidate must be near. One packet with a damaged time cannot set it.
   */
  referenceSec = -1;
  private previousSec = -1;
  private minSec = Infinity;
  private minNsec = 0;
  private maxSec = -Infinity;
  private maxNsec = 0;

  constructor(readonly sink: CaptureSink) {}

  /** Numbers `packet`, folds its timestamp into the totals when it has one, and hands it to the sink. */
  emitPacket(hasTimestamp: boolean): void {
    const p = this.packet;
    p.frameNumber = ++this.packets;
    if (hasTimestamp) {
      const sec = p.tsSec;
      const nsec = p.tsNsec;
      if (sec < this.minSec || (sec === this.minSec && nsec < this.minNsec)) { this.minSec = sec; this.minNsec = nsec; }
      if (sec > this.maxSec || (sec === this.maxSec && nsec > this.maxNsec)) { this.maxSec = sec; this.maxNsec = nsec; }
      if (this.previousSec >= 0 && Math.abs(sec - this.previousSec) <= RESYNC_MAX_TIME_GAP_SEC) this.referenceSec = sec;
      this.previousSec = sec;
    }
    this.sink.packet(p);
  }

  /** Records an interface (pcap header or pcapng IDB) and tells the sink; lists at most MAX_INTERFACES_LISTED. */
  addInterface(iface: CaptureInterface, offset: number): void {
    if (this.interfaces.length < MAX_INTERFACES_LISTED) this.interfaces.push(iface);
    else if (!this.interfacesOverflowed) {
      this.interfacesOverflowed = true;
      this.report(ProblemCode.tooManyInterfaces, offset, `more than ${MAX_INTERFACES_LISTED} interfaces; later ones are used but not listed in the summary`);
    }
    if (!this.linkTypeSet.has(iface.linkType)) {
      this.linkTypeSet.add(iface.linkType);
      this.linkTypes.push(iface.linkType);
    }
    this.sink.interface?.(iface);
  }

  /** Counts a problem and tells the sink. */
  report(code: string, offset: number, message: string): void {
    this.problems++;
    this.sink.problem?.({ code, offset, message });
  }

  /** Marks the input as cut short at `offset`, inside a record of `needed` bytes. */
  truncate(offset: number, available: number, needed: number): void {
    this.truncated = true;
    this.report(ProblemCode.truncated, offset, `input ends ${available} bytes into a record of ${needed} bytes`);
  }

  /** Passes a file-level comment to the sink. */
  comment(text: string, offset: number): void {
    this.sink.comment?.(text, offset);
  }

  /** The totals so far, as a CaptureSummary. */
  summary(format: CaptureSummary['format'], compressed: boolean, bytes: number): CaptureSummary {
    const hasTs = this.maxSec !== -Infinity;
    return {
      format, compressed, bytes, packets: this.packets,
      firstTs: hasTs ? this.minSec + this.minNsec / NANOS_PER_SEC : null,
      lastTs: hasTs ? this.maxSec + this.maxNsec / NANOS_PER_SEC : null,
      linkTypes: [...this.linkTypes], interfaces: [...this.interfaces],
      problems: this.problems, truncated: this.truncated,
    };
  }
}
