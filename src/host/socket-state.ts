/** Kernel TCP state numbers (include/net/tcp_states.h) to their names. */
const TCP_STATES: readonly string[] = [
  'UNKNOWN', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT',
  'CLOSE', 'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING', 'NEW_SYN_RECV',
];

/** State number of a listening TCP socket. */
export const TCP_LISTEN = 10;

/**
 * Name of a socket state as /proc/net reports it. UDP reuses the TCP numbers:
 * 1 (ESTABLISHED) is a connected socket, 7 (CLOSE) an unconnected one.
 * @example stateName(1) // 'ESTABLISHED'
 */
export function stateName(state: number): string {
  return TCP_STATES[state] ?? 'UNKNOWN';
}
