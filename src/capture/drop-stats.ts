/**
 * tcpdump's end-of-capture counters, parsed from the lines it prints on
 * stderr when it stops ("N packets captured", "N packets received by filter",
 * "N packets dropped by kernel", and on some platforms "N packets dropped by interface").
 */
export interface TcpdumpStats {
  /** Packets tcpdump wrote out. */
  captured: number;
  /** Packets that matched the BPF filter in the kernel. */
  receivedByFilter: number;
  /** Packets the kernel dropped because the capture buffer was full (a slow reader). */
  droppedByKernel: number;
  /** Packets the interface dropped (0 when tcpdump does not report it). */
  droppedByInterface: number;
}

const STATS_LINE = /^(\d+) packets? (captured|received by filter|dropped by kernel|dropped by interface)$/;

const FIELD_OF: Record<string, keyof TcpdumpStats> = {
  'captured': 'captured',
  'received by filter': 'receivedByFilter',
  'dropped by kernel': 'droppedByKernel',
  'dropped by interface': 'droppedByInterface',
};

/**
 * Reads tcpdump's counters from its stderr text; null when tcpdump printed
 * none (it was killed, or never started capturing).
 * @example parseTcpdumpStats('3 packets captured\n3 packets received by filter\n0 packets dropped by kernel\n')
 */
export function parseTcpdumpStats(stderr: string): TcpdumpStats | null {
  const stats: TcpdumpStats = { captured: 0, receivedByFilter: 0, droppedByKernel: 0, droppedByInterface: 0 };
  let found = false;
  for (const line of stderr.split('\n')) {
    const m = STATS_LINE.exec(line.trim());
    if (!m) continue;
    stats[FIELD_OF[m[2]]] = Number(m[1]);
    found = true;
  }
  return found ? stats : null;
}
