/**
 * Timeouts and bounds of the connection table. Defaults are Zeek's, so that
 * connection boundaries (and therefore conn.log records) match Zeek's.
 */

/** Zeek's `tcp_inactivity_timeout`: an idle TCP connection ends after 5 minutes. */
export const DEFAULT_TCP_INACTIVITY = 300;
/** Zeek's `udp_inactivity_timeout`. */
export const DEFAULT_UDP_INACTIVITY = 60;
/** Zeek's `icmp_inactivity_timeout`. */
export const DEFAULT_ICMP_INACTIVITY = 60;
/** Zeek's `tcp_close_delay`: a closed (FIN/FIN or RST) connection lingers this long for stray packets. */
export const TCP_CLOSE_DELAY = 5;
/** Zeek's `tcp_attempt_delay`: a SYN left unanswered this long is logged as an attempt (S0). */
export const TCP_ATTEMPT_DELAY = 5;
/**
 * Default connection budget. A TCP connection costs about 1 KB of heap (measured by
 * bench/flow.bench.ts), so a full table stays near 200 MB, inside the 500 MB target.
 */
export const DEFAULT_MAX_CONNECTIONS = 200_000;
/** Zeek's TOO_LARGE_SEQ_DELTA: SYN/RST sequence jumps beyond this are not trusted. */
export const TOO_LARGE_SEQ_DELTA = 1_048_576;
/** Local networks a table accepts (each is checked per connection, not per packet). */
export const MAX_LOCAL_NETS = 1024;
/** History letters kept per connection; scaled repeat letters keep real histories far below this. */
export const MAX_HISTORY_LENGTH = 128;
