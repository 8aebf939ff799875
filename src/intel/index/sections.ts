/**
 * The whole index as flat typed arrays — the same shape in memory and in a
 * compiled `.tix` file, so loading a file is building views, not objects.
 * Strings live once in `blob` (UTF-8) and are referenced by offset/length.
 */
export interface IndexSections {
  /** Every string of the index, UTF-8. */
  blob: Uint8Array;
  /** Per feed: name offset, name length. */
  feedText: Uint32Array;
  /** Per feed: bit 0 = parent-domain matching, bit 1 = allowlist. */
  feedFlags: Uint8Array;
  /** Per record: indicator offset, length, context offset, length. */
  recText: Uint32Array;
  /** Per record: feed number. */
  recFeed: Uint16Array;
  /** Per record: kind code (see KIND_CODES). */
  recKind: Uint8Array;
  /** Per record: valid-from, valid-until (epoch seconds, 0 = open). */
  recValid: Float64Array;
  /** IPv4 networks sorted by prefix length then address; group bounds per length in v4Groups (34 entries). */
  v4Net: Uint32Array;
  v4Rec: Uint32Array;
  v4Groups: Uint32Array;
  /** IPv6 networks, four words each, grouped like IPv4 (130 group bounds). */
  v6Net: Uint32Array;
  v6Rec: Uint32Array;
  v6Groups: Uint32Array;
  /** String keys (kind byte + text): blob offset and length, hash, record, and the open-addressing slot table. */
  keyText: Uint32Array;
  keyHash: Uint32Array;
  keyRec: Uint32Array;
  keySlots: Uint32Array;
}

/** Section names in file order, with the typed array each is. */
export const SECTION_TYPES = {
  blob: Uint8Array, feedText: Uint32Array, feedFlags: Uint8Array, recText: Uint32Array, recFeed: Uint16Array,
  recKind: Uint8Array, recValid: Float64Array, v4Net: Uint32Array, v4Rec: Uint32Array, v4Groups: Uint32Array,
  v6Net: Uint32Array, v6Rec: Uint32Array, v6Groups: Uint32Array, keyText: Uint32Array, keyHash: Uint32Array,
  keyRec: Uint32Array, keySlots: Uint32Array,
} as const;

/** Kind of a record, as stored in `recKind`. */
export const KIND_CODES = { ip: 0, domain: 1, url: 2, hash: 3 } as const;
/** Record kind names by code. */
export const KIND_NAMES = ['ip', 'domain', 'url', 'hash'] as const;

/** Feed flag: domain indicators also match sub-domains. */
export const FEED_PARENTS = 1;
/** Feed flag: matches of this feed suppress all matches of the value. */
export const FEED_ALLOWLIST = 2;

/** First byte of a domain key ('d'); every string key starts with the byte of the lookup it serves. */
export const KEY_DOMAIN = 0x64;
/** First byte of an exact normalised-URL key ('u'). */
export const KEY_URL = 0x75;
/** First byte of a hash key ('h'). */
export const KEY_HASH = 0x68;
/** URL mask anchored on its exact host. */
export const KEY_MASK_HOST = 0x6d; // 'm'
/** URL mask `*.suffix/…` anchored on the host suffix. */
export const KEY_MASK_SUFFIX = 0x73; // 's'
/** URL mask anchored on one complete literal path segment. */
export const KEY_MASK_SEGMENT = 0x70; // 'p'
/** URL mask with no literal host or segment: the residual list. */
export const KEY_MASK_RESIDUAL = 0x72; // 'r'
