/**
 * Every bound the capture readers put on attacker-controlled lengths and
 * loops, with its reason. Change them here only.
 */

/** Largest frame a record may carry: Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD (256 KiB). */
export const MAX_CAPLEN = 262_144;

/** Largest pcapng block accepted (Wireshark's MAX_BLOCK_SIZE, 16 MiB); bigger lengths are damage. */
export const MAX_BLOCK_BYTES = 16 * 1024 * 1024;

/**
 * Largest block a resynchronisation candidate may claim: a packet block of
 * MAX_CAPLEN plus header and options room. Keeps the carry-over buffer small
 * while scanning damaged bytes.
 */
export const MAX_RESYNC_BLOCK_BYTES = MAX_CAPLEN + 4096;

/**
 * Bytes a resynchronisation scan may skip before it reports its problem and
 * starts a fresh scan; bounds the work and the silence per problem.
 */
export const MAX_RESYNC_SCAN_BYTES = 64 * 1024 * 1024;

/**
 * A resynchronisation candidate's timestamp must lie within this many seconds
 * of the last good packet (one week: longer than any gap inside a capture).
 */
export const RESYNC_MAX_TIME_GAP_SEC = 7 * 86_400;

/** Options read per pcapng block; real blocks carry a handful. */
export const MAX_OPTIONS_PER_BLOCK = 256;

/** Interfaces per pcapng section; real files have a few, the id field allows 2^32. */
export const MAX_INTERFACES_PER_SECTION = 4096;

/** Interfaces listed in a summary; a file of endless sections would otherwise grow the list without bound. */
export const MAX_INTERFACES_LISTED = 65_536;

/** Largest if_tsresol accepted: 10^-13 or 2^-44 s, so tick arithmetic stays exact in doubles. */
export const MAX_TICKS_PER_SEC = 2 ** 44;

/** Read size for files and pipes: large chunks keep the per-chunk overhead negligible. */
export const DEFAULT_CHUNK_BYTES = 2 * 1024 * 1024;

/** Output size of gunzip's chunks, for the same reason (zlib's default is 16 KiB). */
export const GUNZIP_CHUNK_BYTES = 1024 * 1024;
