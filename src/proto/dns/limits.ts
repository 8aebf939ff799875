/**
 * Bounds for the DNS parser. Every loop over message bytes stops at one of
 * these, so a hostile message costs a bounded amount of work.
 */

/** RFC 1035 §3.1: a name is at most 255 octets on the wire (length bytes included). */
export const MAX_NAME_LEN = 255;
/** RFC 1035: a label is at most 63 octets; longer length bytes are not labels. */
export const MAX_LABEL_LEN = 63;
/** Compression pointers followed for one name; more means a loop or an attack. */
export const MAX_POINTER_HOPS = 32;
/** Labels read for one name (255 octets allow at most 127 one-byte labels). */
export const MAX_LABELS = 128;
/** Questions parsed per message: real resolvers send one, a few is already odd. */
export const MAX_QUESTIONS = 8;
/** Resource records parsed per section; a 64 KiB message cannot hold more than ~5,400 useful ones. */
export const MAX_RECORDS_PER_SECTION = 512;
/** Answers kept for dns.log per transaction (Zeek keeps all; a bound keeps memory fixed). */
export const MAX_LOGGED_ANSWERS = 64;
/** Character-strings rendered per TXT record. */
export const MAX_TXT_STRINGS = 64;
/** Queries awaiting a reply per connection; the oldest is logged unanswered beyond this. */
export const MAX_PENDING_QUERIES = 256;
/** DNS header size in bytes (RFC 1035 §4.1.1). */
export const HEADER_LEN = 12;
