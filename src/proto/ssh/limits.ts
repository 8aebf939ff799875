/** Bounds of the SSH parser, each with its reason. */

/** Longest identification line, CR LF included (RFC 4253 §4.2). */
export const MAX_BANNER_BYTES = 255;
/** Lines a server may send before its identification string; more means it is not SSH. */
export const MAX_PRE_BANNER_LINES = 20;
/** Largest clear-text binary packet accepted (RFC 4253 §6.1: 35000); below the reassembler's unconsumed limit. */
export const MAX_CLEAR_PACKET_BYTES = 35000;
/** Algorithms read from one name-list (real lists hold a few dozen). */
export const MAX_ALGORITHMS_PER_LIST = 256;
