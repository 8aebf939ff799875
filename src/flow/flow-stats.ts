/** Counters of a FlowTable, for the ingest report. Every connection ends in exactly one of the `ended*` counters. */
export interface FlowStats {
  /** Connections open now. */
  active: number;
  /** Most connections open at once. */
  maxActive: number;
  created: number;
  /** Records emitted (equals the sum of the ended* counters). */
  emitted: number;
  /** Ended by inactivity (tcp/udp/icmp timeouts) or an unanswered SYN (attempt delay). */
  timedOut: number;
  /** Ended after a complete close (FIN both ways or RST) plus Zeek's close delay. */
  closed: number;
  /** Ended because a new SYN reused the 5-tuple. */
  reused: number;
  /** Ended early because the table was full (its budget); each one is also a weird. */
  evicted: number;
  /** Still open when the input ended (flushed with open_at_end). */
  flushed: number;
  /** Packets counted into connections (equals the sum of orig_pkts + resp_pkts). */
  packets: number;
  /** Packets without IP (ARP and other link-layer traffic). */
  nonIpPackets: number;
  /** IP packets of protocols Zeek's conn.log does not track (GRE, ESP, SCTP, …). */
  otherProtoPackets: number;
  /** TCP/UDP/ICMP packets whose transport header could not be decoded (cut, or a later fragment). */
  undecodedPackets: number;
}

/** A FlowStats with every counter at zero. */
export function newFlowStats(): FlowStats {
  return {
    active: 0, maxActive: 0, created: 0, emitted: 0, timedOut: 0, closed: 0, reused: 0, evicted: 0, flushed: 0,
    packets: 0, nonIpPackets: 0, otherProtoPackets: 0, undecodedPackets: 0,
  };
}
