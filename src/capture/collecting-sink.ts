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

/**
 * Every field of a collected packet and its bytes in hex, as one string:
 * comparing fingerprints is far cheaper than deep equality of many packets.
 * `frameNumber` is left out when `numbered` is false (it shifts when packets are lost).
 */
export function fingerprint(p: CollectedPacket, numbered = true): string {
  const head = `@${p.fileOffset} ${p.tsSec}.${p.tsNsec} ${p.caplen}/${p.origLen} lt${p.linkType} if${p.interfaceId} `;
  return (numbered ? `#${p.frameNumber}` : '') + head + Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength).toString('hex');
}
