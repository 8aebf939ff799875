/**
 * One captured frame as handed from a capture reader to the decoders.
 *
 * Readers reuse a single instance for every packet: `data` is a view into the
 * reader's buffer and is valid only during the sink callback. Copy what you keep.
 */
export interface RawPacket {
  /** Whole seconds since the Unix epoch. */
  tsSec: number;
  /** Nanoseconds within `tsSec` (0..999_999_999), whatever the file's resolution. */
  tsNsec: number;
  /** Bytes present in `data` (may be less than `origLen` when the snaplen cut the frame). */
  caplen: number;
  /** Length of the frame on the wire. */
  origLen: number;
  /** LINKTYPE_* value of the interface the frame came from. */
  linkType: number;
  /** Interface index (pcapng IDB number within the section; 0 for pcap). */
  interfaceId: number;
  /** Frame bytes; a subarray of the reader's buffer, never a copy. */
  data: Uint8Array;
  /** Byte offset of this record's header in the (decompressed) input. */
  fileOffset: number;
  /** 1-based packet number within the input, as tshark counts frames. */
  frameNumber: number;
}

/** Creates an empty, reusable RawPacket. */
export function newRawPacket(): RawPacket {
  return {
    tsSec: 0, tsNsec: 0, caplen: 0, origLen: 0, linkType: 1, interfaceId: 0,
    data: new Uint8Array(0), fileOffset: 0, frameNumber: 0,
  };
}

/** An interface described by a capture file (pcap header or pcapng IDB). */
export interface CaptureInterface {
  id: number;
  linkType: number;
  snaplen: number;
  /** Timestamp units per second (1e6 for µs pcap, 1e9 for ns, from if_tsresol in pcapng). */
  tsUnitsPerSec: number;
  name?: string;
  description?: string;
  comment?: string;
}

/** Something wrong in the capture container itself (not in a packet's bytes). */
export interface CaptureProblem {
  /** Stable snake_case code, e.g. `pcap_truncated_record`, `pcapng_bad_block_length`. */
  code: string;
  /** Byte offset in the (decompressed) input where the problem starts. */
  offset: number;
  /** One human sentence: what was expected and what was found. */
  message: string;
}

/** Receives what a capture reader finds, in file order. */
export interface CaptureSink {
  packet(p: RawPacket): void;
  interface?(iface: CaptureInterface): void;
  problem?(p: CaptureProblem): void;
  /** pcapng section/shb comments and other file-level notes. */
  comment?(text: string, offset: number): void;
}

/** Totals a reader reports when it reaches the end of its input. */
export interface CaptureSummary {
  format: 'pcap' | 'pcapng';
  compressed: boolean;
  bytes: number;
  packets: number;
  /** Earliest packet time in seconds (capinfos' start time; files need not be in order); null without timestamped packets. */
  firstTs: number | null;
  /** Latest packet time in seconds (capinfos' end time); null without timestamped packets. */
  lastTs: number | null;
  /** Link types of the interfaces described, each once, in order of appearance. */
  linkTypes: number[];
  /** Interfaces described (pcap: one; pcapng: every IDB of every section). */
  interfaces: CaptureInterface[];
  problems: number;
  /** True when the input ended in the middle of a record. */
  truncated: boolean;
}
