/**
 * Stable codes of the capture problems the readers report (CaptureProblem.code).
 * Analysts and tests match on these; never rename one.
 */
export const ProblemCode = {
  /** The input is not a pcap or pcapng file (nor gzip of one). */
  unknownFormat: 'capture_unknown_format',
  /** The input ended in the middle of a header, record or block. */
  truncated: 'capture_truncated',
  /** The gzip stream is corrupt or cut short; the packets decompressed before it are kept. */
  gzipDamaged: 'capture_gzip_damaged',
  /** The input describes more interfaces than a summary lists; the extra ones still work. */
  tooManyInterfaces: 'capture_too_many_interfaces',
  /** A pcap record's caplen is above the 256 KiB limit or above its original length. */
  pcapBadCaplen: 'pcap_bad_caplen',
  /** A pcap record's caplen is above its original length but the next record lines up; the packet is kept. */
  pcapCaplenAboveOrigLen: 'pcap_caplen_above_origlen',
  /** A pcap record's sub-second field is not below one second; the packet is kept, normalised. */
  pcapBadTimestamp: 'pcap_bad_timestamp',
  /** A pcapng block length is below 12, not a multiple of 4, or above the block limit. */
  pcapngBadBlockLength: 'pcapng_bad_block_length',
  /** A pcapng block's trailing length differs from its leading length. */
  pcapngBlockLengthMismatch: 'pcapng_block_length_mismatch',
  /** A section header's byte-order magic is neither 1a2b3c4d nor 4d3c2b1a. */
  pcapngBadByteOrder: 'pcapng_bad_byte_order',
  /** A block is too short for the fixed fields of its type; it is skipped. */
  pcapngShortBlock: 'pcapng_short_block',
  /** A packet block names an interface the section has not described; it is skipped. */
  pcapngUnknownInterface: 'pcapng_unknown_interface',
  /** A packet block's caplen overruns the block or the 256 KiB limit; it is skipped. */
  pcapngBadCaplen: 'pcapng_bad_caplen',
  /** An option overruns its block; the options after it are ignored. */
  pcapngBadOption: 'pcapng_bad_option',
  /** if_tsresol is finer than the supported 10^-13 / 2^-44 s; microseconds are assumed. */
  pcapngBadTsresol: 'pcapng_bad_tsresol',
  /** A section describes more interfaces than the limit; the extra ones are ignored. */
  pcapngTooManyInterfaces: 'pcapng_too_many_interfaces',
} as const;
