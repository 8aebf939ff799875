/** Bounds of the HTTP parser, each with its reason. */

/** Largest request/response head (start line + headers) accepted; Apache and nginx stop near 8–16 KiB. Must stay below the reassembler's unconsumed limit. */
export const MAX_HEAD_BYTES = 32 * 1024;
/** Headers read from one head; more are ignored (Apache's LimitRequestFields default is 100). */
export const MAX_HEADERS = 200;
/** Requests awaiting their response on one connection (deep pipelining beyond this is abuse). */
export const MAX_PENDING_REQUESTS = 100;
/** Longest chunk-size line (hex size plus chunk extensions). */
export const MAX_CHUNK_LINE_BYTES = 1024;
/** Hex digits of a chunk size: 13 keeps every size below 2^52, exact in a double. */
export const MAX_CHUNK_SIZE_DIGITS = 13;
/** Longest single logged header value (URI, user agent…); the rest is cut with a weird. */
export const MAX_LOGGED_VALUE_CHARS = 8192;
/** Largest gzip/deflate-encoded body kept to decode at its end (Zeek hashes decoded content); larger ones are hashed as sent. */
export const MAX_ENCODED_BODY_BYTES = 1024 * 1024;
/** Largest decoded body accepted (a guard against decompression bombs). */
export const MAX_DECODED_BODY_BYTES = 32 * 1024 * 1024;
/** Encoded body bytes kept at once over all connections (bounds memory when many compressed bodies are in flight). */
export const MAX_ENCODED_BYTES_TOTAL = 64 * 1024 * 1024;
