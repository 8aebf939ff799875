/** Bounds of the FTP parser, each with its reason. */

/** Longest command or reply line kept (RFC 959 sets none; servers cap paths near 4 KiB). */
export const MAX_LINE_BYTES = 4096;
/** Commands awaiting a reply (clients normally wait for each reply; more is abuse). */
export const MAX_PENDING_COMMANDS = 64;
/** Lines of one multi-line reply (banners and FEAT lists hold a few dozen). */
export const MAX_REPLY_LINES = 500;
/** Data-channel expectations kept at once (active FTP sessions at a time, generously). */
export const MAX_EXPECTED_CHANNELS = 10_000;
/** Seconds an announced data channel stays expected (Zeek schedules FTP-DATA for 5 minutes). */
export const EXPECTATION_TTL_SECONDS = 300;
