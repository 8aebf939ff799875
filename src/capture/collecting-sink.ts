import type { CaptureInterface, CaptureProblem, CaptureSink, RawPacket } from './packet.js';

/** A packet as a CollectingSink keeps it: the RawPacket fields with a copy of the bytes. */
export type CollectedPacket = Omit<RawPacket, 'data'> & { data: Uint8Array };

/**
 * A CaptureSink that keeps copies of everything it is given, for tests and
 * small tools. Not for large inputs: it holds every packet in memory.
 */
export class CollectingSink implements CaptureSink {
  readonly packets: CollectedPacket[] = [];
  readonly interfaces: CaptureInterface[] = [];
  readonly problems: CaptureProblem[] = [];
  readonly comments: Array<{ text: string; offset: number }> = [];

  /** Keeps a copy of `p`. */
  packet(p: RawPacket): void {
    this.packets.push({ ...p, data: new Uint8Array(p.data) });
  }

  /** Keeps the interface. */
  interface(iface: CaptureInterface): void {
    this.interfaces.push(iface);
  }

  /** Keeps the problem. */
  problem(p: CaptureProblem): void {
    this.problems.push(p);
  }

  /** Keeps the comment. */
  comment(text: string, offset: number): void {
    this.comments.push({ text, offset });
  }
}
